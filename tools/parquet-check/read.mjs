// Reads a Parquet file with hyparquet and prints, as one JSON object, its
// schema, row-group sizes and rows, so that a Go test can compare them with
// what it wrote. INT64 values come as BigInt: they are printed as strings.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const file = await asyncBufferFromFile(process.argv[2])
const meta = await parquetMetadataAsync(file)
const rows = await parquetReadObjects({ file })
const out = {
  num_rows: Number(meta.num_rows),
  row_groups: meta.row_groups.map(g => Number(g.num_rows)),
  schema: meta.schema.slice(1).map(s => ({
    name: s.name, type: s.type, repetition: s.repetition_type,
    logical: s.logical_type ? s.logical_type.type : '',
  })),
  rows,
}
process.stdout.write(JSON.stringify(out, (_, v) => typeof v === 'bigint' ? v.toString() : v) + '\n')
