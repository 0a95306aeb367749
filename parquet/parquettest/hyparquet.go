// Package parquettest reads Parquet files with hyparquet, an independent
// reader run by node, so that tests can check the files dyad writes.
package parquettest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// File is what tools/parquet-check/read.mjs prints of a file. INT64 values
// are strings (JavaScript BigInts); numbers are json.Numbers.
type File struct {
	NumRows   int   `json:"num_rows"`
	RowGroups []int `json:"row_groups"`
	Schema    []struct {
		Name, Type, Repetition, Logical string
	} `json:"schema"`
	Rows []map[string]any `json:"rows"`
}

// Read reads the Parquet file at path with hyparquet. It skips the test
// when node or hyparquet is not installed (.ci/run installs it with npm
// ci) and fails it when hyparquet cannot read the file.
func Read(t testing.TB, path string) File {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("skipping: node is not installed")
	}
	_, self, _, _ := runtime.Caller(0)
	tool := filepath.Join(filepath.Dir(self), "..", "..", "tools", "parquet-check")
	if _, err := os.Stat(filepath.Join(tool, "node_modules", "hyparquet")); err != nil {
		t.Skipf("skipping: hyparquet is not installed (npm ci --prefix %s)", tool)
	}
	out, err := exec.Command(node, filepath.Join(tool, "read.mjs"), path).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("hyparquet could not read %s: %v\n%s", path, err, ee.Stderr)
		}
		t.Fatalf("hyparquet could not read %s: %v", path, err)
	}
	var f File
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("read.mjs printed %q: %v", out, err)
	}
	return f
}
