package parquet_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"dyad/parquet"
	"dyad/parquet/parquettest"

	"github.com/google/go-cmp/cmp"
)

// allTypes has a column of each type, required and optional.
var allTypes = []parquet.Column{
	{Name: "id", Type: parquet.Int64},
	{Name: "score", Type: parquet.Double},
	{Name: "ok", Type: parquet.Bool},
	{Name: "name", Type: parquet.String},
	{Name: "n_opt", Type: parquet.Int64, Optional: true},
	{Name: "x_opt", Type: parquet.Double, Optional: true},
	{Name: "b_opt", Type: parquet.Bool, Optional: true},
	{Name: "s_opt", Type: parquet.String, Optional: true},
}

// rows returns n rows over allTypes with nulls in varied runs, extreme
// values and non-ASCII text.
func rows(n int) [][]any {
	var out [][]any
	for i := range n {
		row := []any{
			int64(i) - 3, float64(i) / 4, i%3 == 0, "név " + strconv.Itoa(i) + " “Türkiye”",
			nil, nil, nil, nil,
		}
		if i%2 == 0 {
			row[4] = []int64{math.MinInt64, math.MaxInt64, 0}[i%3]
		}
		if i%5 > 1 {
			row[5] = -1.5e300 * float64(i)
		}
		if i%7 != 3 {
			row[6] = i%4 == 1
		}
		if i < n/2 {
			row[7] = strings.Repeat("ab", i)
		}
		out = append(out, row)
	}
	return out
}

func write(t *testing.T, cols []parquet.Column, groupSize int, rs [][]any) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := parquet.NewWriter(&b, cols, groupSize)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLayout checks the frame of the file: magic at both ends and a footer
// length that points inside it.
func TestLayout(t *testing.T) {
	for _, n := range []int{0, 1, 25} {
		b := write(t, allTypes, 10, rows(n))
		if !bytes.HasPrefix(b, []byte("PAR1")) || !bytes.HasSuffix(b, []byte("PAR1")) {
			t.Fatalf("%d rows: no PAR1 magic at both ends", n)
		}
		size := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
		if size <= 0 || size > len(b)-12 {
			t.Errorf("%d rows: footer length %d in a file of %d bytes", n, size, len(b))
		}
	}
}

func TestErrors(t *testing.T) {
	if _, err := parquet.NewWriter(&bytes.Buffer{}, nil, 0); err == nil {
		t.Error("no columns accepted")
	}
	if _, err := parquet.NewWriter(&bytes.Buffer{}, []parquet.Column{{Name: "a"}, {Name: "a"}}, 0); err == nil {
		t.Error("repeated column name accepted")
	}
	w, err := parquet.NewWriter(&bytes.Buffer{}, allTypes[:2], 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range [][]any{
		{int64(1)},                // too short
		{int64(1), "x"},           // wrong type
		{nil, 1.0},                // null in a required column
		{1, 1.0},                  // int, not int64
		{int64(1), 1.0, int64(2)}, // too long
	} {
		if err := w.Write(row); err == nil {
			t.Errorf("row %#v accepted", row)
		}
	}
	if err := w.Write([]any{int64(1), 2.0}); err != nil {
		t.Errorf("a good row after bad ones: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write([]any{int64(1), 2.0}); err == nil {
		t.Error("Write after Close accepted")
	}
}

// readWithHyparquet writes data to a file and reads it with hyparquet.
func readWithHyparquet(t *testing.T, data []byte) parquettest.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.parquet")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return parquettest.Read(t, path)
}

// jsonValue is how read.mjs prints a value written as v.
func jsonValue(v any) any {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10) // BigInt, printed as a string
	case float64:
		return json.Number(strconv.FormatFloat(v, 'g', -1, 64))
	}
	return v
}

func TestHyparquet(t *testing.T) {
	for _, tt := range []struct {
		name      string
		rows      int
		groupSize int
		groups    []int
	}{
		{"empty", 0, 10, nil},
		{"one row", 1, 10, []int{1}},
		{"one group", 10, 10, []int{10}},
		{"several groups", 25, 10, []int{10, 10, 5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs := rows(tt.rows)
			got := readWithHyparquet(t, write(t, allTypes, tt.groupSize, rs))
			if got.NumRows != tt.rows || !cmp.Equal(got.RowGroups, tt.groups, cmpEmpty) {
				t.Errorf("%d rows in groups %v, want %d in %v", got.NumRows, got.RowGroups, tt.rows, tt.groups)
			}
			var schema []string
			for _, s := range got.Schema {
				schema = append(schema, strings.Join([]string{s.Name, s.Type, s.Repetition, s.Logical}, " "))
			}
			wantSchema := []string{
				"id INT64 REQUIRED ", "score DOUBLE REQUIRED ", "ok BOOLEAN REQUIRED ", "name BYTE_ARRAY REQUIRED STRING",
				"n_opt INT64 OPTIONAL ", "x_opt DOUBLE OPTIONAL ", "b_opt BOOLEAN OPTIONAL ", "s_opt BYTE_ARRAY OPTIONAL STRING",
			}
			if diff := cmp.Diff(wantSchema, schema); diff != "" {
				t.Errorf("schema (-want +got):\n%s", diff)
			}
			var want []map[string]any
			for _, r := range rs {
				m := map[string]any{}
				for i, c := range allTypes {
					m[c.Name] = jsonValue(r[i])
				}
				want = append(want, m)
			}
			if diff := cmp.Diff(want, got.Rows, cmpEmpty); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
		})
	}
}

var cmpEmpty = cmp.FilterValues(func(x, y any) bool {
	return isEmpty(x) && isEmpty(y)
}, cmp.Ignore())

func isEmpty(v any) bool {
	switch v := v.(type) {
	case []int:
		return len(v) == 0
	case []map[string]any:
		return len(v) == 0
	}
	return false
}
