package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"dyad"
)

// Analysis prints a readable report of an analysis: every item with the
// byte span it came from.
func Analysis(w io.Writer, an *dyad.Analysis) error {
	p := &printer{w: w}
	a := an.Article
	p.f("%s\n", a.Title)
	meta := []string{"id " + a.ID}
	if a.Outlet != "" {
		meta = append(meta, a.Outlet)
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2006-01-02"))
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	}
	p.f("%s\n", strings.Join(meta, " · "))

	p.section("Actors", len(an.Actors))
	for _, ac := range an.Actors {
		p.f("  %-8s %-28s %-10s %s\n", ac.Code, ac.Name, ac.Kind, ac.Role)
	}
	p.section("Quotes", len(an.Quotes))
	for _, q := range an.Quotes {
		kind := "indirect"
		if q.Direct {
			kind = "direct"
		}
		speaker := q.Speaker.Name
		if speaker == "" {
			speaker = "(unattributed)"
		}
		if q.Speaker.Code != "" {
			speaker += " [" + q.Speaker.Code + "]"
		}
		p.f("  %s, %s %s: “%s” @%d\n", speaker, kind, q.Cue, Cut(q.Text, 100), q.Start)
	}
	p.section("Figures", len(an.Figures))
	for _, f := range an.Figures {
		p.f("  %-10s %14s %-10s %-18s %-10s %-12s “%s” @%d\n", f.Qualifier,
			strconv.FormatFloat(f.Value, 'f', -1, 64), f.Unit, f.Quantity, f.Period,
			strings.Join(f.Actors, ","), f.Text, f.Start)
	}
	p.section("Dates", len(an.Dates))
	for _, d := range an.Dates {
		p.f("  %-12s “%s” @%d\n", d.Value, d.Text, d.Start)
	}
	p.section("Events", len(an.Events))
	for _, e := range an.Events {
		p.f("  %s %s → %s %s (%s) “%s”\n", e.Date, e.Source.Code, e.Target.Code, e.CAMEO, e.PLOVER.Type, Cut(e.Evidence, 80))
	}
	themes := make([]string, len(an.Themes))
	for i, t := range an.Themes {
		themes[i] = fmt.Sprintf("%s %d", t.Name, t.Count)
	}
	p.f("\nThemes: %s\n", strings.Join(themes, ", "))
	p.f("Tone: %+.2f (%d positive, %d negative in %d words)\n", an.Tone.Score, an.Tone.Positive, an.Tone.Negative, an.Tone.Words)
	return p.err
}

// printer keeps the first write error, so a report is one check at the end.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) section(name string, n int) {
	p.f("\n%s (%d)\n", name, n)
}
