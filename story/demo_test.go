package story

import (
	"context"
	"encoding/json"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"dyad"
	"dyad/demo"
	"dyad/extract"
	"dyad/lexicon"
	"dyad/source"
)

// demoAnalyses analyzes the demo corpus once, by file name.
var demoAnalyses = sync.OnceValues(func() (map[string]*dyad.Analysis, []string) {
	a := extract.New(lexicon.Default())
	byFile := map[string]*dyad.Analysis{}
	var order []string
	source.ReadFS(context.Background(), demo.Corpus, source.Options{}, func(it source.Item) {
		if it.Err != nil {
			panic(it.Err)
		}
		an, err := a.Analyze(it.Article)
		if err != nil {
			panic(err)
		}
		name := path.Base(it.Input)
		byFile[name] = an
		order = append(order, name)
	})
	return byFile, order
})

type fact struct {
	Kind     string             `json:"kind"`
	Speaker  string             `json:"speaker"`
	Actor    string             `json:"actor"`
	Code     string             `json:"code"`
	FullIn   string             `json:"full_in"`
	Files    map[string]string  `json:"files"`
	Values   map[string]float64 `json:"values"`
	Quantity string             `json:"quantity"`
}

type demoStory struct {
	ID    string   `json:"id"`
	Files []string `json:"files"`
	Facts []fact   `json:"facts"`
}

// TestDemo clusters the demo corpus into its three stories and checks the
// planted differences that a comparison can express.
func TestDemo(t *testing.T) {
	var planted struct{ Stories []demoStory }
	if err := json.Unmarshal(demo.StoriesJSON, &planted); err != nil {
		t.Fatal(err)
	}
	byFile, order := demoAnalyses()
	c := NewClusterer(DefaultOptions())
	got := map[string][]string{}
	for _, name := range order {
		id := c.Add(byFile[name])
		got[id] = append(got[id], name)
	}
	if len(got) != len(planted.Stories) {
		t.Errorf("got %d stories, want %d: %v", len(got), len(planted.Stories), got)
	}
	found, total := map[string]int{}, map[string]int{}
	for _, st := range planted.Stories {
		var ans []*dyad.Analysis
		fileOf := map[string]string{}
		for _, f := range st.Files {
			ans = append(ans, byFile[f])
			fileOf[byFile[f].Article.ID] = f
		}
		id := c.Add(ans[0]) // already added: returns its story
		if files := slices.Sorted(slices.Values(got[id])); !slices.Equal(files, st.Files) {
			t.Errorf("story %s: clustered %v, want %v", st.ID, files, st.Files)
		}
		cmp := Compare(id, ans)
		if len(cmp.Voices) != 4 {
			t.Errorf("story %s: %d voices, want 4", st.ID, len(cmp.Voices))
		}
		voiceOf := map[string]int{}
		for vi, v := range cmp.Voices {
			for _, a := range v.Articles {
				voiceOf[fileOf[a]] = vi
			}
		}
		for _, f := range st.Facts {
			total[f.Kind]++
			if expressed(f, cmp, voiceOf) {
				found[f.Kind]++
			} else {
				t.Logf("%s: not found: %s %s%s%s", st.ID, f.Kind, f.Quantity, f.Speaker, f.Actor)
			}
		}
	}
	sum := 0
	for k, n := range total {
		t.Logf("%-16s %d of %d", k, found[k], n)
		sum += found[k]
	}
	t.Logf("found %d of 64 planted differences", sum)
	// Floors at what the comparison finds on today's extractor; raise them
	// as extraction improves.
	for kind, want := range map[string]int{"figure_conflict": 5, "figure_only": 10, "quote_only": 11,
		"quote_partial": 1, "actor_only": 6, "country_variant": 3, "metonymy": 8} {
		if found[kind] < want {
			t.Errorf("%s: found %d, want at least %d", kind, found[kind], want)
		}
	}
}

// expressed reports whether the comparison shows fact f.
func expressed(f fact, c dyad.Comparison, voiceOf map[string]int) bool {
	voices := func() []int {
		var vs []int
		for file := range f.Files {
			vs = append(vs, voiceOf[file])
		}
		slices.Sort(vs)
		return vs
	}
	switch f.Kind {
	case "figure_conflict", "figure_only":
		want := dyad.Conflict
		if f.Kind == "figure_only" {
			want = dyad.Only
		}
		for _, al := range c.Figures {
			hit := 0
			for file, v := range f.Values {
				if slices.ContainsFunc(al.Claims, func(cl dyad.FigureClaim) bool {
					return cl.Voice == voiceOf[file] && cl.Value == v
				}) {
					hit++
				}
			}
			// A conflict shows when two of its values meet; the
			// extractor may miss the others.
			if al.Outcome == want && (hit == len(f.Values) || want == dyad.Conflict && hit >= 2) {
				return true
			}
		}
	case "quote_only", "quote_partial", "quote_paraphrase":
		want := strings.TrimPrefix(f.Kind, "quote_")
		for _, al := range c.Quotes {
			hit := 0
			for file, text := range f.Files {
				if slices.ContainsFunc(al.Claims, func(cl dyad.QuoteClaim) bool {
					return cl.Voice == voiceOf[file] && quoteRelation(cl.Text, text) != ""
				}) {
					hit++
				}
			}
			if al.Outcome == want && hit == len(f.Files) {
				return true
			}
		}
	case "actor_only":
		// Only the files named mention the actor.
		for _, al := range c.Actors {
			if al.Actor == f.Code {
				return slices.Equal(slices.Sorted(slices.Values(al.Voices)), voices())
			}
		}
	case "country_variant", "name_variant", "metonymy":
		// Every file's variant resolves to one actor of the comparison.
		for _, al := range c.Actors {
			if al.Code == f.Code && (f.Kind != "name_variant" || al.Name == f.Actor) {
				vs := voices()
				if !slices.ContainsFunc(vs, func(v int) bool { return !slices.Contains(al.Voices, v) }) {
					return true
				}
			}
		}
	}
	return false
}
