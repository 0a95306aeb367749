package petrarch

import (
	"fmt"
	"strings"
)

const discardsHeader = `Discards from Phoenix.discards.txt (PETRARCH-2, Open Event Data
Alliance, MIT licence), converted by "dyad lexicon import-petrarch". Do not
edit: re-run the import. A sentence that contains a discard phrase is not
coded (sports, entertainment, history); a "story" discard voids the whole
article.

Fields, separated by one TAB: phrase (lower case words), scope (sentence or
story: the source's leading "+"), match (stem: the last word may continue,
"basketball" matches "basketballs"; word: it must end there, the source's
trailing "_").`

// ConvertDiscards converts Phoenix.discards.txt into discards.tsv.
func ConvertDiscards(file string, src []byte) ([]byte, int, error) {
	var b strings.Builder
	b.WriteString(header(discardsHeader))
	first := map[string]int{}
	n := 0
	err := lines(file, src, "#", func(ln int, _, line string) error {
		scope, match := "sentence", "stem"
		if strings.HasPrefix(line, "+") {
			scope, line = "story", strings.TrimSpace(line[1:])
		}
		if strings.HasSuffix(line, "_") {
			match = "word"
		}
		phrase := words(line)
		if !isWordish(strings.ReplaceAll(phrase, " ", "_")) {
			return fmt.Errorf("discard %q has characters other than letters, digits, ' - . and _", line)
		}
		if prev, dup := first[phrase]; dup {
			return fmt.Errorf("discard %q is already listed at line %d", phrase, prev)
		}
		first[phrase] = ln
		fmt.Fprintf(&b, "%s\t%s\t%s\n", phrase, scope, match)
		n++
		return nil
	})
	return []byte(b.String()), n, err
}
