package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/internal/shared"
	"dyad/text"
)

// tinyCoNLLU is a two-sentence treebank with GUM entity annotation.
const tinyCoNLLU = `# newdoc id = tiny
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# sent_id = tiny-1
# text = Obama visited Paris.
1	Obama	Obama	PROPN	NNP	_	2	nsubj	_	Entity=(1-person-new-nnnnn-cf1-1-sgl-Barack_Obama)
2	visited	visit	VERB	VBD	_	0	root	_	_
3	Paris	Paris	PROPN	NNP	_	2	obj	_	Entity=(2-place-new-nnnnn-cf2-1-sgl-Paris)|SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = tiny-2
# text = He left.
1	He	he	PRON	PRP	_	2	nsubj	_	_
2	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_
`

const tinyIOB2 = "# sent_id = a\n1\tObama\tB-PER\t-\n2\tvisited\tO\t-\n3\tParis\tB-LOC\t-\n\n"

// lastJSON decodes the last line of out, which must be one JSON object.
func lastJSON(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	var v map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &v); err != nil {
		t.Fatalf("last line is not a JSON object: %v\n%s", err, out)
	}
	return v
}

func keys(m map[string]any) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	slices.Sort(k)
	return k
}

func TestEvalNLP(t *testing.T) {
	dir := t.TempDir()
	conllu := writeFile(t, dir, "tiny.conllu", []byte(tinyCoNLLU))
	iob2 := writeFile(t, dir, "tiny.iob2", []byte(tinyIOB2))
	nerKeys := []string{"by_type", "correct", "f1", "gold", "precision", "pred", "recall"}
	all := []string{"las", "ner", "sentences", "tokens", "uas", "upos", "words", "xpos"}
	tests := []struct {
		args      []string
		keys      []string
		sentences float64
	}{
		{[]string{"eval", "nlp", "--conllu", conllu, "--json"}, all, 2},
		{[]string{"eval", "nlp", "--json", "--iob2", iob2}, []string{"ner", "sentences", "words"}, 1},
		// a directory: both files, each read in its format
		{[]string{"eval", "nlp", "--conllu", dir, "--json"}, all, 3},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			v := lastJSON(t, mustRun(t, 0, tt.args...).stdout)
			if got := keys(v); !slices.Equal(got, tt.keys) {
				t.Errorf("keys %v, want %v", got, tt.keys)
			}
			n, _ := v["ner"].(map[string]any)
			if got := keys(n); !slices.Equal(got, nerKeys) {
				t.Errorf("ner keys %v, want %v", got, nerKeys)
			}
			if v["sentences"] != tt.sentences {
				t.Errorf("sentences %v", v["sentences"])
			}
		})
	}
	out := mustRun(t, 0, "eval", "nlp", "--conllu", conllu).stdout
	for _, want := range []string{"2 sentences, 7 words", "upos", "las", "ner", "PER"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalTrainUsage(t *testing.T) {
	dir := t.TempDir()
	conllu := writeFile(t, dir, "tiny.conllu", []byte(tinyCoNLLU))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"eval"}, "want a subcommand"},
		{[]string{"eval", "tokens"}, `unknown subcommand "tokens"`},
		{[]string{"eval", "nlp"}, "want one of --conllu PATH and --iob2 PATH"},
		{[]string{"eval", "nlp", "--conllu", conllu, "--iob2", conllu}, "want one of"},
		{[]string{"eval", "nlp", "--conllu", conllu, "extra"}, `unexpected argument "extra"`},
		{[]string{"eval", "nlp", "--bogus"}, "flag provided but not defined"},
		{[]string{"train"}, "want one model"},
		{[]string{"train", "lemmatizer", "--train", conllu, "--out", "x"}, `unknown model "lemmatizer"`},
		{[]string{"train", "tagger", "--out", "x"}, "want --train PATH"},
		{[]string{"train", "tagger", "--train", conllu}, "want --out FILE"},
		{[]string{"train", "tagger", "--train", conllu, "--out", "x", "--iterations", "-1"}, "must not be negative"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := mustRun(t, 2, tt.args...)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", r.stderr, tt.want)
			}
		})
	}
	// Unreadable, malformed or empty data is a failure, not a usage error,
	// and says what is wrong with which file.
	mustRun(t, 1, "eval", "nlp", "--conllu", filepath.Join(dir, "missing.conllu"))
	bad := writeFile(t, dir, "bad.conllu", []byte("1\tfoo\n"))
	if r := mustRun(t, 1, "eval", "nlp", "--conllu", bad); !strings.Contains(r.stderr, "bad.conllu:1: want 10 tab-separated fields") {
		t.Errorf("malformed CoNLL-U: stderr %q", r.stderr)
	}
	empty := writeFile(t, dir, "empty.conllu", nil)
	for _, args := range [][]string{
		{"eval", "nlp", "--conllu", empty},
		{"train", "tagger", "--train", empty, "--out", filepath.Join(dir, "m.bin")},
	} {
		if r := mustRun(t, 1, args...); !strings.Contains(r.stderr, "no sentences") {
			t.Errorf("%v: stderr %q, want \"no sentences\"", args, r.stderr)
		}
	}
}

func TestTrainTagger(t *testing.T) {
	dir := t.TempDir()
	conllu := writeFile(t, dir, "tiny.conllu", []byte(tinyCoNLLU))
	out := filepath.Join(dir, "tagger.bin")
	// The tagger keeps only tags seen 10 times: 10 copies, through both
	// comma lists and repeated flags.
	five := strings.Repeat(conllu+",", 5)
	r := mustRun(t, 0, "train", "tagger", "--train", five, "--train", five, "--dev", conllu, "--out", out, "--iterations", "2", "--seed", "7")
	if !strings.Contains(r.stderr, "train: 20 sentences, 70 words") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tg, err := text.ReadTagger(f)
	if err != nil {
		t.Fatal(err)
	}
	if upos, _ := tg.Tag([]string{"Obama", "visited", "Paris", "."}); len(upos) != 4 {
		t.Errorf("tags %v", upos)
	}
}

// TestNERModelReproducible trains the recognizer with the README's command
// and compares the result with the embedded model: its gazetteer features
// come from the lexicon, so a change to the lexicon needs the model
// trained again, or the README's claim that the command rebuilds it fails.
func TestNERModelReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the recognizer (about four minutes)")
	}
	out := filepath.Join(t.TempDir(), "ner.bin")
	mustRun(t, 0, "train", "ner", "--train", shared.Path(t, "corpora/gum/train"),
		"--train", shared.Path(t, "corpora/uner-ewt/en_ewt-ud-dev.iob2"),
		"--dev", shared.Path(t, "corpora/gum/dev"), "--out", out)
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "ner", "models", "ner.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the README's train ner command does not rebuild ner/models/ner.bin: train it again")
	}
}
