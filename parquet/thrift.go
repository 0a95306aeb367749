package parquet

import "encoding/binary"

// Thrift compact protocol types, as Parquet's footer and page headers use
// them.
const (
	tI32    = 5
	tI64    = 6
	tBinary = 8
	tList   = 9
	tStruct = 12
)

// thrift writes Thrift compact protocol structs into a byte slice. Fields
// must be written in increasing ID order within a struct.
type thrift struct {
	b    []byte
	last []int16 // the last field ID of each open struct
}

func (t *thrift) uvarint(v uint64) { t.b = binary.AppendUvarint(t.b, v) }

// zigzag writes a signed integer as the compact protocol does.
func (t *thrift) zigzag(v int64) { t.uvarint(uint64(v<<1) ^ uint64(v>>63)) }

func (t *thrift) field(id int16, typ byte) {
	last := &t.last[len(t.last)-1]
	if d := id - *last; d > 0 && d <= 15 {
		t.b = append(t.b, byte(d)<<4|typ)
	} else {
		t.b = append(t.b, typ)
		t.zigzag(int64(id))
	}
	*last = id
}

func (t *thrift) begin() { t.last = append(t.last, 0) }

func (t *thrift) end() {
	t.b = append(t.b, 0)
	t.last = t.last[:len(t.last)-1]
}

func (t *thrift) i32(id int16, v int32) { t.field(id, tI32); t.zigzag(int64(v)) }
func (t *thrift) i64(id int16, v int64) { t.field(id, tI64); t.zigzag(v) }

func (t *thrift) str(id int16, s string) {
	t.field(id, tBinary)
	t.uvarint(uint64(len(s)))
	t.b = append(t.b, s...)
}

// structField opens a struct-valued field; close it with end.
func (t *thrift) structField(id int16) { t.field(id, tStruct); t.begin() }

// list writes a list header for n elements of type typ.
func (t *thrift) list(id int16, typ byte, n int) {
	t.field(id, tList)
	if n < 15 {
		t.b = append(t.b, byte(n)<<4|typ)
	} else {
		t.b = append(t.b, 0xf0|typ)
		t.uvarint(uint64(n))
	}
}

// The elements of a list have no field headers.
func (t *thrift) elemI32(v int32) { t.zigzag(int64(v)) }

func (t *thrift) elemStr(s string) {
	t.uvarint(uint64(len(s)))
	t.b = append(t.b, s...)
}
