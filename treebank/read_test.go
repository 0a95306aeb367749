package treebank

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/shared"
)

const gumHeader = "# newdoc id = doc\n# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity\n"

// row builds a CoNLL-U token line.
func row(id, form, upos, xpos, head, rel, misc string) string {
	return strings.Join([]string{id, form, "_", upos, xpos, "_", head, rel, "_", misc}, "\t") + "\n"
}

func TestReadCoNLLU(t *testing.T) {
	in := "# sent_id = s1\n# text = Don't go.\n" +
		strings.Join([]string{"1-2", "Don't", "_", "_", "_", "_", "_", "_", "_", "SpaceAfter=No"}, "\t") + "\n" +
		row("1", "Do", "AUX", "VBP", "3", "aux", "_") +
		row("2", "n't", "PART", "RB", "3", "advmod", "_") +
		row("3", "go", "VERB", "VB", "0", "root", "SpaceAfter=No") +
		row("3.1", "went", "_", "_", "_", "_", "_") +
		row("4", ".", "PUNCT", ".", "_", "_", "_") +
		"\n" +
		row("1", "Hi", "_", "_", "_", "_", "_") // no blank line at the end
	got, err := ReadCoNLLU(strings.NewReader(in), "x.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{
		ID: "s1", Text: "Don't go.",
		Tokens: []Token{
			{ID: 1, Form: "Do", UPOS: "AUX", XPOS: "VBP", Head: 3, Deprel: "aux", SpaceAfter: true},
			{ID: 2, Form: "n't", UPOS: "PART", XPOS: "RB", Head: 3, Deprel: "advmod", SpaceAfter: false},
			{ID: 3, Form: "go", UPOS: "VERB", XPOS: "VB", Head: 0, Deprel: "root", SpaceAfter: false},
			{ID: 4, Form: ".", UPOS: "PUNCT", XPOS: ".", Head: -1, SpaceAfter: true},
		},
	}, {
		ID:     "x.conllu:10",
		Tokens: []Token{{ID: 1, Form: "Hi", Head: -1, SpaceAfter: true}},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestReadCoNLLUEntities(t *testing.T) {
	tests := []struct {
		name string
		rows string
		want []Entity
	}{{
		// "the Bank of England 's chief": leading "the" and the possessive
		// drop, and so does the place nested in the name.
		name: "nested",
		rows: row("1", "the", "DET", "DT", "3", "det", "Entity=(1-person-new-nnnnn-cf1-2-coref(2-organization-new-nnnnn-cf2-2-coref-Bank_of_England") +
			row("2", "Bank", "PROPN", "NNP", "6", "nmod:poss", "_") +
			row("3", "of", "ADP", "IN", "4", "case", "_") +
			row("4", "England", "PROPN", "NNP", "2", "nmod", "Entity=(3-place-new-nnnnn-cf3-1-sgl-England)") +
			row("5", "'s", "PART", "POS", "2", "case", "Entity=2)") +
			row("6", "chief", "NOUN", "NN", "0", "root", "Entity=1)"),
		want: []Entity{{Start: 1, End: 4, Type: "ORG"}},
	}, {
		// A pronoun coreferring with a named person inherits the
		// identity but is no name; an apposition is cut off.
		name: "pronoun and apposition",
		rows: row("1", "He", "PRON", "PRP", "0", "root", "Entity=(1-person-giv:act-nnnnn-cf1-1-coref-Lord_Byron)") +
			row("2", "John", "PROPN", "NNP", "1", "dep", "Entity=(2-person-new-nnnnn-cf1-1,2-coref-John_Smith-Jones") +
			row("3", "Smith", "PROPN", "NNP", "2", "flat", "_") +
			row("4", ",", "PUNCT", ",", "5", "punct", "_") +
			row("5", "Earl", "PROPN", "NNP", "2", "appos", "Entity=2)"),
		want: []Entity{{Start: 1, End: 3, Type: "PER"}},
	}, {
		// A name without a Wikipedia link is a name; a common noun with
		// one is not; substances are no entity type of NER.
		name: "named by the head",
		rows: row("1", "Paris", "PROPN", "NNP", "0", "root", "Entity=(1-place-new-nnnnn-cf1-1-sgl)") +
			row("2", "country", "NOUN", "NN", "1", "dep", "Entity=(2-place-new-nnnnn-cf1-1-sgl-France)") +
			row("3", "Iodine", "PROPN", "NNP", "1", "dep", "Entity=(3-substance-new-nnnnn-cf1-1-sgl-Iodine)") +
			row("4", "Americans", "PROPN", "NNPS", "1", "dep", "Entity=(4-person-new-nnnnn-cf1-1-sgl)"),
		want: []Entity{{Start: 0, End: 1, Type: "LOC"}},
	}, {
		// A coordination keeps its parts only; "and" inside a place name
		// stays.
		name: "coordination",
		rows: row("1", "Kim", "PROPN", "NNP", "0", "root", "Entity=(1-person-new-nnnnn-cf1-1-sgl(2-person-new-nnnnn-cf1-1-sgl)") +
			row("2", "and", "CCONJ", "CC", "3", "cc", "_") +
			row("3", "Lee", "PROPN", "NNP", "1", "conj", "Entity=(3-person-new-nnnnn-cf1-1-sgl)1)") +
			row("4", "in", "ADP", "IN", "5", "case", "_") +
			row("5", "Trinidad", "PROPN", "NNP", "1", "nmod", "Entity=(4-place-new-nnnnn-cf1-1-sgl-Trinidad_and_Tobago") +
			row("6", "and", "CCONJ", "CC", "7", "cc", "_") +
			row("7", "Tobago", "PROPN", "NNP", "5", "conj", "Entity=4)"),
		want: []Entity{{Start: 0, End: 1, Type: "PER"}, {Start: 2, End: 3, Type: "PER"}, {Start: 4, End: 7, Type: "LOC"}},
	}, {
		// A coordination of organizations not linked as a whole keeps
		// its parts.
		name: "coordination unlinked",
		rows: row("1", "Acme", "PROPN", "NNP", "0", "root", "Entity=(1-organization-new-nnnnn-cf1-1-sgl(2-organization-new-nnnnn-cf1-1-sgl-Acme)") +
			row("2", "and", "CCONJ", "CC", "3", "cc", "_") +
			row("3", "Globex", "PROPN", "NNP", "1", "conj", "Entity=(3-organization-new-nnnnn-cf1-1-sgl)1)"),
		want: []Entity{{Start: 0, End: 1, Type: "ORG"}, {Start: 2, End: 3, Type: "ORG"}},
	}, {
		// A common noun heads the mention but a name stands beside it
		// (flat or appos, its other words flat or compound under it):
		// the name is the entity, without what follows it.
		name: "name beside a noun",
		rows: row("1", "actor", "NOUN", "NN", "0", "root", "Entity=(1-person-new-nnnnn-cf1-1-sgl") +
			row("2", "Jan", "PROPN", "NNP", "3", "compound", "_") +
			row("3", "Berg", "PROPN", "NNP", "1", "appos", "_") +
			row("4", "of", "ADP", "IN", "6", "case", "_") +
			row("5", "the", "DET", "DT", "6", "det", "_") +
			row("6", "Guild", "PROPN", "NNP", "3", "nmod", "Entity=1)") +
			row("7", "and", "CCONJ", "CC", "9", "cc", "_") +
			row("8", "student", "NOUN", "NN", "9", "compound", "Entity=(2-person-new-nnnnn-cf1-1-sgl") +
			row("9", "Ann", "PROPN", "NNP", "1", "flat", "_") +
			row("10", "Lee", "PROPN", "NNP", "9", "flat", "Entity=2)"),
		want: []Entity{{Start: 1, End: 3, Type: "PER"}, {Start: 8, End: 10, Type: "PER"}},
	}, {
		// A mention headed by a common noun and linked to the page of a
		// name inside it, or of the name and the noun, is that name.
		name: "linked name inside",
		rows: row("1", "the", "DET", "DT", "2", "det", "Entity=(1-place-new-nnnnn-cf1-1-sgl-Bay_of_Bengal") +
			row("2", "Bay", "PROPN", "NNP", "5", "compound", "_") +
			row("3", "of", "ADP", "IN", "4", "case", "_") +
			row("4", "Bengal", "PROPN", "NNP", "2", "nmod", "Entity=(2-place-new-nnnnn-cf1-1-sgl-Bengal)") +
			row("5", "area", "NOUN", "NN", "0", "root", "Entity=1)") +
			row("6", "in", "ADP", "IN", "9", "case", "_") +
			row("7", "the", "DET", "DT", "8", "det", "Entity=(3-place-new-nnnnn-cf1-1-sgl-Coron%2C_Palawan") +
			row("8", "town", "NOUN", "NN", "5", "nmod", "_") +
			row("9", "of", "ADP", "IN", "10", "case", "_") +
			row("10", "Coron", "PROPN", "NNP", "8", "nmod", "Entity=3)") +
			row("11", "near", "ADP", "IN", "13", "case", "_") +
			row("12", "the", "DET", "DT", "13", "det", "Entity=(4-place-new-nnnnn-cf1-1-sgl-Lake_Kayangan") +
			row("13", "lake", "NOUN", "NN", "5", "nmod", "_") +
			row("14", "Kay", "PROPN", "NNP", "13", "nmod", "Entity=4)") +
			row("15", "on", "ADP", "IN", "17", "case", "_") +
			row("16", "the", "DET", "DT", "17", "det", "Entity=(5-place-new-nnnnn-cf1-1-sgl-Busuanga_Island") +
			row("17", "island", "NOUN", "NN", "5", "nmod", "_") +
			row("18", "of", "ADP", "IN", "19", "case", "_") +
			row("19", "Busuanga", "PROPN", "NNP", "17", "nmod", "Entity=5)"),
		want: []Entity{{Start: 1, End: 4, Type: "LOC"}, {Start: 9, End: 10, Type: "LOC"}, {Start: 18, End: 19, Type: "LOC"}},
	}, {
		// Titles are no part of a name: GUM attaches them to the name as
		// nmod:desc ("Vice President Bush"), and a title heading a mention
		// names no one ("the Secretary", "Emperor of the United States")
		// though the place inside it is named.
		name: "titles",
		rows: row("1", "Vice", "PROPN", "NNP", "2", "compound", "Entity=(1-person-new-nnnnn-cf1-3-sgl-George_H._W._Bush") +
			row("2", "President", "PROPN", "NNP", "3", "nmod:desc", "_") +
			row("3", "Bush", "PROPN", "NNP", "0", "root", "Entity=1)") +
			row("4", "met", "VERB", "VBD", "3", "dep", "_") +
			row("5", "the", "DET", "DT", "6", "det", "Entity=(2-person-new-nnnnn-cf1-2-sgl") +
			row("6", "Secretary", "PROPN", "NNP", "4", "obj", "Entity=2)") +
			row("7", ",", "PUNCT", ",", "8", "punct", "_") +
			row("8", "Emperor", "PROPN", "NNP", "6", "appos", "Entity=(3-person-new-nnnnn-cf1-1-sgl") +
			row("9", "of", "ADP", "IN", "12", "case", "_") +
			row("10", "the", "DET", "DT", "12", "det", "Entity=(4-place-new-nnnnn-cf1-3-sgl-United_States") +
			row("11", "United", "PROPN", "NNP", "12", "compound", "_") +
			row("12", "States", "PROPN", "NNP", "8", "nmod", "Entity=4)3)"),
		want: []Entity{{Start: 2, End: 3, Type: "PER"}, {Start: 10, End: 12, Type: "LOC"}},
	}, {
		name: "same group nested",
		rows: row("1", "Rome", "PROPN", "NNP", "0", "root", "Entity=(1-place-new-nnnnn-cf1-1-sgl-Rome(1-place-new-nnnnn-cf1-1-sgl-Rome)") +
			row("2", "City", "PROPN", "NNP", "1", "flat", "Entity=1)"),
		want: []Entity{{Start: 0, End: 2, Type: "LOC"}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCoNLLU(strings.NewReader(gumHeader+tt.rows), "g")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !got[0].HasEntities {
				t.Fatalf("got %d sentences, HasEntities false", len(got))
			}
			if d := cmp.Diff(tt.want, got[0].Entities); d != "" {
				t.Error(d)
			}
		})
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fields", "1\tx\t_\n", "f:1: want 10 tab-separated fields, got 3"},
		{"id", row("2", "x", "_", "_", "_", "_", "_"), `f:1: bad token ID "2": want 1`},
		{"head", row("1", "x", "_", "_", "y", "_", "_"), `f:1: token 1: bad head "y"`},
		{"head range", row("1", "x", "_", "_", "5", "_", "_") + "\n", "f:2: token 1: head 5 outside the sentence of 1 words"},
		{"range", strings.Join([]string{"1-x", "_", "_", "_", "_", "_", "_", "_", "_", "_"}, "\t"), `f:1: bad multiword token range "1-x"`},
		{"unclosed", gumHeader + row("1", "x", "_", "_", "_", "_", "Entity=(1-person-new") + "\n", `f:4: bad Entity annotation: mention "1" opened at token 1 is not closed in the sentence`},
		{"stray close", gumHeader + row("1", "x", "_", "_", "_", "_", "Entity=4)"), `f:4: token 1: bad Entity annotation: "4" closes no open mention`},
		{"bad group", gumHeader + row("1", "x", "_", "_", "_", "_", "Entity=(a-person)"), `f:4: token 1: bad Entity annotation: mention "a-person": want a numeric group first`},
		{"header", "# global.Entity = etype-GRP\n", `f:1: global.Entity "etype-GRP": want GRP-etype-...`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tt.in), "f")
			if err == nil || err.Error() != tt.want {
				t.Errorf("error %v, want %s", err, tt.want)
			}
		})
	}
}

func TestReadIOB2(t *testing.T) {
	in := "# sent_id = a\n# text = New York Mets win\n" +
		"1\tNew\tB-ORG\t-\t-\n2\tYork\tI-ORG\t-\t-\n3\tMets\tI-ORG\t-\t-\n4\twin\tO\t-\t-\n\n\n" +
		"1\tParis\tI-LOC\n2\tParis\tB-LOC\n3\tHilton\tI-PER\n"
	got, err := ReadIOB2(strings.NewReader(in), "u.iob2")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d sentences, want 2", len(got))
	}
	if got[0].ID != "a" || got[0].Text != "New York Mets win" || !got[0].HasEntities || got[1].ID != "u.iob2:9" {
		t.Errorf("got %+v", got)
	}
	if got[0].Tokens[3] != (Token{ID: 4, Form: "win", Head: -1, SpaceAfter: true}) {
		t.Errorf("token %+v", got[0].Tokens[3])
	}
	want := [][]Entity{
		{{Start: 0, End: 3, Type: "ORG"}},
		{{Start: 0, End: 1, Type: "LOC"}, {Start: 1, End: 2, Type: "LOC"}, {Start: 2, End: 3, Type: "PER"}},
	}
	for i, w := range want {
		if d := cmp.Diff(w, got[i].Entities); d != "" {
			t.Errorf("sentence %d: %s", i, d)
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"1\tx\n", "f:1: want INDEX, TOKEN and TAG separated by tabs, got 2 fields"},
		{"1\tx\tX-PER\n", `f:1: bad tag "X-PER": want O, B-TYPE or I-TYPE`},
		{"1\tx\tO\n3\ty\tO\n", `f:2: bad token index "3": want 2`},
	} {
		if _, err := ReadIOB2(strings.NewReader(bad.in), "f"); err == nil || err.Error() != bad.want {
			t.Errorf("%q: error %v, want %s", bad.in, err, bad.want)
		}
	}
}

func TestReadFiles(t *testing.T) {
	if _, err := ReadFiles(filepath.Join(t.TempDir(), "x.txt")); err == nil {
		t.Error("missing file: no error")
	}
	if _, err := ReadFiles(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .conllu or .iob2 files") {
		t.Errorf("empty dir: %v", err)
	}
}

// TestCorpora reads the real corpora and checks their sizes and entity
// counts (which follow from the span rules of gumEntities).
func TestCorpora(t *testing.T) {
	tests := []struct {
		path          string
		sents, toks   int
		hasEntities   bool
		per, org, loc int
	}{
		{"corpora/gum/train", 4906, 102797, true, 1614, 956, 1681},
		{"corpora/gum/dev", 598, 14201, true, 147, 101, 158},
		{"corpora/ud-ewt/en_ewt-ud-dev.conllu", 2001, 25147, false, 0, 0, 0},
		{"corpora/uner-ewt/en_ewt-ud-dev.iob2", 2001, 25149, true, 343, 224, 399},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ss, err := ReadFiles(shared.Path(t, tt.path))
			if err != nil {
				t.Fatal(err)
			}
			toks, by := 0, map[string]int{}
			for _, s := range ss {
				toks += len(s.Tokens)
				if s.HasEntities != tt.hasEntities {
					t.Fatalf("%s: HasEntities %v", s.ID, s.HasEntities)
				}
				for _, e := range s.Entities {
					by[e.Type]++
				}
			}
			t.Logf("%d sentences, %d tokens, entities %v", len(ss), toks, by)
			if len(ss) != tt.sents || toks != tt.toks || by["PER"] != tt.per || by["ORG"] != tt.org || by["LOC"] != tt.loc {
				t.Errorf("want %d sentences, %d tokens, PER %d ORG %d LOC %d", tt.sents, tt.toks, tt.per, tt.org, tt.loc)
			}
		})
	}
}

func TestSentenceDoc(t *testing.T) {
	for id, want := range map[string]string{
		"GUM_bio_byron-12":      "GUM_bio_byron",
		"weblog-blog_x-0003":    "weblog-blog_x",
		"en_ewt-ud-dev.iob2:12": "",
		"doc-":                  "",
		"-3":                    "",
		"":                      "",
	} {
		if got := (Sentence{ID: id}).Doc(); got != want {
			t.Errorf("Doc of %q = %q, want %q", id, got, want)
		}
	}
}

func TestDocuments(t *testing.T) {
	var sents []Sentence
	for _, id := range []string{"a-1", "a-2", "x.iob2:3", "b-1", "a-3", "b-2", "b-3"} {
		sents = append(sents, Sentence{ID: id})
	}
	want := [][2]int{{0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 7}}
	if got := Documents(sents); !slices.Equal(got, want) {
		t.Errorf("Documents = %v, want %v", got, want)
	}
	if got := Documents(nil); got != nil {
		t.Errorf("Documents(nil) = %v", got)
	}
}

func TestIsTitle(t *testing.T) {
	for w, want := range map[string]bool{
		"Mr.": true, "mr": true, "PROFESSOR": true, "Justice": true, "Representative": true,
		"Professorship": false, "Paris": false, "Émile": false, "": false, "Congresswomanship": false,
	} {
		if got := IsTitle(w); got != want {
			t.Errorf("IsTitle(%q) = %v, want %v", w, got, want)
		}
	}
}
