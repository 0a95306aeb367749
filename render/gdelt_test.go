package render_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/render"
)

// TestGDELTColumns pins the column list to the GDELT 2.0 event codebook:
// its length and the names at positions that readers index by number.
func TestGDELTColumns(t *testing.T) {
	if len(render.GDELTColumns) != 61 {
		t.Fatalf("%d columns, want 61", len(render.GDELTColumns))
	}
	for i, name := range map[int]string{
		0: "GLOBALEVENTID", 1: "SQLDATE", 5: "Actor1Code", 15: "Actor2Code", 25: "IsRootEvent",
		26: "EventCode", 29: "QuadClass", 30: "GoldsteinScale", 34: "AvgTone", 35: "Actor1Geo_Type",
		43: "Actor2Geo_Type", 51: "ActionGeo_Type", 52: "ActionGeo_FullName", 58: "ActionGeo_FeatureID",
		59: "DATEADDED", 60: "SOURCEURL",
	} {
		if render.GDELTColumns[i] != name {
			t.Errorf("column %d is %q, want %q", i+1, render.GDELTColumns[i], name)
		}
	}
}

func TestGDELT(t *testing.T) {
	e := dyad.EventRecord{
		Source: dyad.Source{ArticleID: "a1", URL: "https://x.example/1", Published: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)},
		Event: dyad.Event{
			Source: dyad.EventActor{Name: "Norway", Code: "NOR", Country: "NOR"},
			Target: dyad.EventActor{Name: "Chilean\tgovernment", Code: "CHLGOV", Country: "CHL", Sector: "GOV"},
			CAMEO:  "0311", Root: "03", Quad: 1, Goldstein: 5.2, Location: "Santiago\nde Chile",
		},
	}
	var b bytes.Buffer
	if err := render.GDELT(&b, []dyad.EventRecord{e}); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	cols := strings.Split(rows[0], "\t")
	if len(cols) != 61 {
		t.Fatalf("%d columns, want 61 (a tab inside a field leaks?)", len(cols))
	}
	for i, want := range map[int]string{
		1: "20260305", 4: "2026.2603", 16: "Chilean government", 22: "GOV", 26: "0311", 27: "031", 28: "03",
		31: "1", 52: "Santiago de Chile", 59: "", 60: "https://x.example/1",
	} {
		if cols[i] != want {
			t.Errorf("%s = %q, want %q", render.GDELTColumns[i], cols[i], want)
		}
	}
}
