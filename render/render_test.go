package render_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"dyad/render"
)

type row struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

var cols = []render.Column[row]{
	{Name: "name", Value: func(r row) string { return r.Name }},
	{Name: "count", Value: func(r row) string { return strings.Repeat("*", r.Count) }},
}

func TestRecords(t *testing.T) {
	rows := []row{{"Ankara, \"the capital\"", 2}, {strings.Repeat("x", 80), 1}}
	tests := []struct{ format, want string }{
		{render.CSV, "name,count\n\"Ankara, \"\"the capital\"\"\",**\n" + strings.Repeat("x", 80) + ",*\n"},
		{render.Table, "NAME                                                          COUNT\nAnkara, \"the capital\"                                         **\n" + strings.Repeat("x", 59) + "…  *\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := render.Records(&b, tt.format, rows, cols); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.format, b.String(), tt.want)
		}
	}
	var b bytes.Buffer
	if err := render.Records(&b, render.JSON, rows, cols); err != nil {
		t.Fatal(err)
	}
	var back []row
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || len(back) != 2 || back[0] != rows[0] {
		t.Errorf("JSON did not round-trip: %v %+v", err, back)
	}
	b.Reset()
	if err := render.Records[row](&b, render.JSON, nil, cols); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no records in JSON: %q, want []", b.String())
	}
	if err := render.Records(&b, "xml", rows, cols); err == nil {
		t.Error("unknown format accepted")
	}
}
