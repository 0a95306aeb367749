// Package parquet writes flat Parquet files: a small writer, so that
// exports need no heavy dependency.
//
// A file has one flat schema of INT64, DOUBLE, BOOLEAN and STRING
// (BYTE_ARRAY with the STRING logical type and the UTF8 converted type)
// columns, each REQUIRED or OPTIONAL. Values are PLAIN-encoded and
// uncompressed. A row group holds the writer's row-group size of rows
// (fewer when a column reaches 64 MiB), in one data page (v1) per column
// with RLE definition levels for optional columns. The footer is Thrift
// compact protocol, as the format specifies.
package parquet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Type is the type of a column's values.
type Type int

// Column types. Go values written to them: int64, float64, bool, string.
const (
	Int64 Type = iota
	Double
	Bool
	String
)

// Physical types, repetitions, encodings and converted types of the Parquet
// format, by their Thrift enum values.
const (
	physBoolean   = 0
	physInt64     = 2
	physDouble    = 5
	physByteArray = 6

	repRequired = 0
	repOptional = 1

	encPlain = 0
	encRLE   = 3

	convertedUTF8 = 0
	pageData      = 0
)

func (t Type) physical() int32 {
	switch t {
	case Int64:
		return physInt64
	case Double:
		return physDouble
	case Bool:
		return physBoolean
	}
	return physByteArray
}

// kind names the column's values in errors.
func (c Column) kind() string {
	k := [...]string{"INT64", "DOUBLE", "BOOLEAN", "STRING"}[c.Type]
	if c.Optional {
		return "optional " + k
	}
	return "required " + k
}

// Column describes one column. An Optional column takes nil as null.
type Column struct {
	Name     string
	Type     Type
	Optional bool
}

// RowGroupSize is the default number of rows per row group.
const RowGroupSize = 100_000

// maxChunk bounds the bytes of one column in a row group: a row group ends
// early when a column reaches it, so that page sizes fit the format's
// 32-bit fields. A string may not be longer.
const maxChunk = 64 << 20

// Writer writes rows to a Parquet file. Call Close to write the footer.
type Writer struct {
	w            io.Writer
	cols         []Column
	rowGroupSize int
	off          int64 // bytes written so far
	chunks       []*chunk
	rows         int // rows in the current row group
	total        int64
	groups       []rowGroup
	err          error
}

// chunk is one column's values in the current row group.
type chunk struct {
	values []byte // PLAIN-encoded non-null values
	defs   []bool // per row: value present (optional columns)
	bits   int    // booleans written to values
}

type rowGroup struct {
	rows   int
	size   int64
	chunks []chunkMeta
}

type chunkMeta struct {
	offset, size int64
	values       int
}

// NewWriter returns a writer of the columns to w, with rowGroupSize rows
// per row group (RowGroupSize if 0 or less).
func NewWriter(w io.Writer, cols []Column, rowGroupSize int) (*Writer, error) {
	if len(cols) == 0 {
		return nil, errors.New("parquet: no columns")
	}
	seen := map[string]bool{}
	for i, c := range cols {
		if c.Name == "" || seen[c.Name] {
			return nil, fmt.Errorf("parquet: column %d: empty or repeated name %q", i, c.Name)
		}
		if c.Type < Int64 || c.Type > String {
			return nil, fmt.Errorf("parquet: column %q: unknown type %d", c.Name, c.Type)
		}
		seen[c.Name] = true
	}
	if rowGroupSize <= 0 {
		rowGroupSize = RowGroupSize
	}
	pw := &Writer{w: w, cols: cols, rowGroupSize: rowGroupSize, chunks: make([]*chunk, len(cols))}
	for i := range pw.chunks {
		pw.chunks[i] = &chunk{}
	}
	pw.write([]byte("PAR1"))
	return pw, pw.err
}

func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	n, err := w.w.Write(b)
	w.off += int64(n)
	if err != nil {
		w.err = fmt.Errorf("parquet: %w", err)
	}
}

// Write adds one row: one value per column, of the column's Go type, or nil
// in an optional column.
func (w *Writer) Write(row []any) error {
	if w.err != nil {
		return w.err
	}
	if len(row) != len(w.cols) {
		return fmt.Errorf("parquet: row %d has %d values, want %d", w.total, len(row), len(w.cols))
	}
	for i, v := range row {
		if err := w.check(i, v); err != nil {
			return err
		}
	}
	for i, v := range row {
		w.chunks[i].add(w.cols[i], v)
	}
	w.rows++
	w.total++
	if w.rows == w.rowGroupSize || slices.ContainsFunc(w.chunks, func(c *chunk) bool { return len(c.values) >= maxChunk }) {
		w.flush()
	}
	return w.err
}

// check returns an error unless v fits column i.
func (w *Writer) check(i int, v any) error {
	c := w.cols[i]
	ok := false
	switch v := v.(type) {
	case nil:
		ok = c.Optional
	case int64:
		ok = c.Type == Int64
	case float64:
		ok = c.Type == Double
	case bool:
		ok = c.Type == Bool
	case string:
		ok = c.Type == String
		if ok && len(v) > maxChunk {
			return fmt.Errorf("parquet: row %d, column %q: string of %d bytes, want at most %d", w.total, c.Name, len(v), maxChunk)
		}
	}
	if !ok {
		what := fmt.Sprintf("a %T", v)
		if v == nil {
			what = "a null"
		}
		return fmt.Errorf("parquet: row %d, column %q: %s does not fit a %s column", w.total, c.Name, what, c.kind())
	}
	return nil
}

func (c *chunk) add(col Column, v any) {
	if col.Optional {
		c.defs = append(c.defs, v != nil)
	}
	if v == nil {
		return
	}
	switch v := v.(type) {
	case int64:
		c.values = binary.LittleEndian.AppendUint64(c.values, uint64(v))
	case float64:
		c.values = binary.LittleEndian.AppendUint64(c.values, math.Float64bits(v))
	case bool: // PLAIN booleans are bit-packed, least significant bit first
		if c.bits%8 == 0 {
			c.values = append(c.values, 0)
		}
		if v {
			c.values[len(c.values)-1] |= 1 << (c.bits % 8)
		}
		c.bits++
	case string:
		c.values = binary.LittleEndian.AppendUint32(c.values, uint32(len(v)))
		c.values = append(c.values, v...)
	}
}

// flush writes the current row group, one data page per column.
func (w *Writer) flush() {
	if w.rows == 0 || w.err != nil {
		return
	}
	g := rowGroup{rows: w.rows}
	for i, c := range w.chunks {
		var page []byte
		if w.cols[i].Optional {
			levels := rleLevels(c.defs)
			page = binary.LittleEndian.AppendUint32(page, uint32(len(levels)))
			page = append(page, levels...)
		}
		page = append(page, c.values...)
		t := &thrift{}
		t.begin()
		t.i32(1, pageData)
		t.i32(2, int32(len(page)))
		t.i32(3, int32(len(page)))
		t.structField(5) // DataPageHeader
		t.i32(1, int32(w.rows))
		t.i32(2, encPlain)
		t.i32(3, encRLE)
		t.i32(4, encRLE)
		t.end()
		t.end()
		start := w.off
		w.write(t.b)
		w.write(page)
		size := w.off - start
		g.chunks = append(g.chunks, chunkMeta{offset: start, size: size, values: w.rows})
		g.size += size
		*c = chunk{values: c.values[:0], defs: c.defs[:0]}
	}
	w.groups = append(w.groups, g)
	w.rows = 0
}

// rleLevels encodes definition levels (bit width 1) as RLE runs of the
// RLE/bit-packing hybrid: a varint header (run length << 1) and one byte
// holding the repeated level.
func rleLevels(defs []bool) []byte {
	var out []byte
	for i := 0; i < len(defs); {
		j := i
		for j < len(defs) && defs[j] == defs[i] {
			j++
		}
		out = binary.AppendUvarint(out, uint64(j-i)<<1)
		if defs[i] {
			out = append(out, 1)
		} else {
			out = append(out, 0)
		}
		i = j
	}
	return out
}

// Close writes the last row group and the footer. It does not close the
// underlying writer.
func (w *Writer) Close() error {
	w.flush()
	if w.err != nil {
		return w.err
	}
	meta := w.footer()
	w.write(meta)
	w.write(binary.LittleEndian.AppendUint32(nil, uint32(len(meta))))
	w.write([]byte("PAR1"))
	if w.err == nil {
		w.err = errors.New("parquet: writer is closed")
		return nil
	}
	return w.err
}

// footer encodes the FileMetaData.
func (w *Writer) footer() []byte {
	t := &thrift{}
	t.begin()
	t.i32(1, 1) // version
	t.list(2, tStruct, len(w.cols)+1)
	t.begin() // the root of the schema
	t.str(4, "schema")
	t.i32(5, int32(len(w.cols)))
	t.end()
	for _, c := range w.cols {
		t.begin()
		t.i32(1, c.Type.physical())
		rep := int32(repRequired)
		if c.Optional {
			rep = repOptional
		}
		t.i32(3, rep)
		t.str(4, c.Name)
		if c.Type == String {
			t.i32(6, convertedUTF8)
			t.structField(10) // LogicalType, the union's STRING member
			t.structField(1)
			t.end()
			t.end()
		}
		t.end()
	}
	t.i64(3, w.total)
	t.list(4, tStruct, len(w.groups))
	for _, g := range w.groups {
		t.begin()
		t.list(1, tStruct, len(g.chunks))
		for i, ch := range g.chunks {
			c := w.cols[i]
			t.begin()
			t.i64(2, ch.offset)
			t.structField(3) // ColumnMetaData
			t.i32(1, c.Type.physical())
			t.list(2, tI32, 2)
			t.elemI32(encPlain)
			t.elemI32(encRLE)
			t.list(3, tBinary, 1)
			t.elemStr(c.Name)
			t.i32(4, 0) // UNCOMPRESSED
			t.i64(5, int64(ch.values))
			t.i64(6, ch.size)
			t.i64(7, ch.size)
			t.i64(9, ch.offset)
			t.end()
			t.end()
		}
		t.i64(2, g.size)
		t.i64(3, int64(g.rows))
		t.end()
	}
	t.str(6, "dyad parquet writer")
	t.end()
	return t.b
}
