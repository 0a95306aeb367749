package petrarch

import (
	"fmt"
	"strings"

	"dyad/lexicon"
)

const ploverHeader = `CAMEO to PLOVER, converted by "dyad lexicon import-plover" from
CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, Open Event Data Alliance,
CC BY-SA 4.0). Do not edit: re-run the import.

Fields, separated by one TAB: CAMEO code, PLOVER event type, mode ("-"
none), context ("-" none; several are separated by ";"). A code that is not
listed takes its parent's row (lexicon.PLOVER).`

// ConvertPLOVER converts the CAMEO→PLOVER table ("030: AGREE,  , diplomatic
// # comment" lines) into plover.tsv. A code listed twice keeps its first
// row; the second is skipped as an error.
func ConvertPLOVER(file string, src []byte) ([]byte, int, error) {
	var b strings.Builder
	b.WriteString(header(ploverHeader))
	first := map[string]int{}
	n := 0
	err := lines(file, src, "#~", func(ln int, _, line string) error {
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || !lexicon.IsCAMEO(code) {
			return fmt.Errorf("%q does not start with a CAMEO code and a colon", line)
		}
		if prev, dup := first[code]; dup {
			return fmt.Errorf("code %s is already listed at line %d", code, prev)
		}
		f := strings.Split(rest, ",")
		if len(f) > 3 {
			return fmt.Errorf("code %s: %d fields, want type, mode, context", code, len(f))
		}
		for len(f) < 3 {
			f = append(f, "")
		}
		typ, mode := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if typ == "" || strings.ToUpper(typ) != typ || strings.ContainsAny(typ, " \t") {
			return fmt.Errorf("code %s: event type %q is not one upper-case word", code, typ)
		}
		var ctx []string
		for _, c := range strings.Split(f[2], ";") {
			if c = strings.TrimSpace(c); c != "" {
				ctx = append(ctx, c)
			}
		}
		first[code] = ln
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", code, typ, dash(mode), dash(strings.Join(ctx, ";")))
		n++
		return nil
	})
	return []byte(b.String()), n, err
}

// dash writes an empty field as "-".
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
