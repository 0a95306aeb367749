package text

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"dyad/internal/perceptron"
	"dyad/internal/shared"
	"dyad/treebank"
)

// tagged builds sentences from "word/UPOS/XPOS" lines.
func tagged(lines ...string) []treebank.Sentence {
	var out []treebank.Sentence
	for _, l := range lines {
		var s treebank.Sentence
		for i, f := range strings.Fields(l) {
			p := strings.Split(f, "/")
			s.Tokens = append(s.Tokens, treebank.Token{ID: i + 1, Form: p[0], UPOS: p[1], XPOS: p[2]})
		}
		out = append(out, s)
	}
	return out
}

// toyTrain repeats its sentences so that every class passes minClassCount.
var toyTrain = func() []treebank.Sentence {
	var out []treebank.Sentence
	for range minClassCount {
		out = append(out, tagged(
			"The/DET/DT minister/NOUN/NN visited/VERB/VBD Baku/PROPN/NNP ./PUNCT/.",
			"Israel/PROPN/NNP signed/VERB/VBD the/DET/DT deal/NOUN/NN ./PUNCT/.",
			"The/DET/DT president/NOUN/NN spoke/VERB/VBD ./PUNCT/.",
			"Trade/NOUN/NN is/AUX/VBZ growing/VERB/VBG ./PUNCT/.",
			"She/PRON/PRP is/AUX/VBZ a/DET/DT minister/NOUN/NN ./PUNCT/.",
		)...)
	}
	return out
}()

func trainToy(t *testing.T) (*Tagger, []byte) {
	t.Helper()
	tg, err := TrainTagger(toyTrain, nil, perceptron.Options{Iterations: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tg.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return tg, buf.Bytes()
}

// A tagger trained on a few hand-made sentences tags new sentences made of
// their words, the same way after a round trip through its file, and two
// trainings give the same bytes.
func TestTrainTagger(t *testing.T) {
	tg, model := trainToy(t)
	if _, again := trainToy(t); !bytes.Equal(model, again) {
		t.Fatal("two trainings with the same seed gave different models")
	}
	read, err := ReadTagger(bytes.NewReader(model))
	if err != nil {
		t.Fatal(err)
	}
	for i := range len(model) {
		if _, err := ReadTagger(bytes.NewReader(model[:i])); err == nil {
			t.Fatalf("a model truncated at %d of %d bytes was read without error", i, len(model))
		}
	}
	tests := []struct {
		words      string
		upos, xpos string
	}{
		{"The president visited Israel .", "DET NOUN VERB PROPN PUNCT", "DT NN VBD NNP ."},
		{"She is a president .", "PRON AUX DET NOUN PUNCT", "PRP VBZ DT NN ."},
		{"Trade is growing", "NOUN AUX VERB", "NN VBZ VBG"},
		{"", "", ""},
	}
	for _, tc := range tests {
		words := strings.Fields(tc.words)
		for name, tagger := range map[string]*Tagger{"trained": tg, "read": read} {
			upos, xpos := tagger.Tag(words)
			if got := strings.Join(upos, " "); got != tc.upos {
				t.Errorf("%s: %q: UPOS %q, want %q", name, tc.words, got, tc.upos)
			}
			if got := strings.Join(xpos, " "); got != tc.xpos {
				t.Errorf("%s: %q: XPOS %q, want %q", name, tc.words, got, tc.xpos)
			}
		}
	}
}

func TestTagClasses(t *testing.T) {
	train := append(slices.Clone(toyTrain), tagged("Hello/INTJ/UH ,/PUNCT/, Baku/NOUN/NNP")...)
	classes, gold := tagClasses(train)
	if slices.Contains(classes, "INTJ UH") || slices.Contains(classes, "NOUN NNP") {
		t.Errorf("rare pairs kept as classes: %q", classes)
	}
	// "NOUN NN" and "PUNCT ." are the most frequent; ties go by name.
	if classes[0] != "NOUN NN" {
		t.Errorf("first class %q, want \"NOUN NN\"", classes[0])
	}
	last := gold[len(gold)-1]
	// INTJ UH has neither its XPOS nor its UPOS among the classes and goes to
	// the first class; PUNCT , goes to the class with its UPOS, NOUN NNP to
	// the one with its XPOS.
	if got := []string{classes[last[0]], classes[last[1]], classes[last[2]]}; !slices.Equal(got, []string{"NOUN NN", "PUNCT .", "PROPN NNP"}) {
		t.Errorf("rare pairs map to %q", got)
	}
}

// TestEmbeddedRewrite writes the embedded models back: the bytes must be
// their files', so that reading loses nothing.
func TestEmbeddedRewrite(t *testing.T) {
	for _, m := range []struct {
		name string
		file []byte
		w    interface{ Write(io.Writer) error }
	}{
		{"tagger", taggerModel, DefaultTagger()},
		{"parser", parserModel, DefaultParser()},
	} {
		var buf bytes.Buffer
		if err := m.w.Write(&buf); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if !bytes.Equal(buf.Bytes(), m.file) {
			t.Errorf("%s: rewritten model differs from its file (%d bytes, want %d)", m.name, buf.Len(), len(m.file))
		}
	}
}

func TestReadTaggerErrors(t *testing.T) {
	p := perceptron.New([]string{"NOUN"}) // not "UPOS XPOS"
	p.Average()
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"empty": nil, "not a tagger": buf.Bytes(), "garbage": []byte("dyad")} {
		if _, err := ReadTagger(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

func TestFeatureHelpers(t *testing.T) {
	T := perceptron.Template
	tests := []struct {
		got, want perceptron.Feat
	}{
		{addLower(T(1), "Baku"), T(1).Add("baku")},
		{addLower(T(1), "baku"), T(1).Add("baku")},
		{addLower(T(1), "U.S."), T(1).Add("u.s.")},
		{addShape(T(1), "Sa'ar"), T(1).Add("Xx'x")},
		{addShape(T(1), "60,000"), T(1).Add("d,d")},
		{addShape(T(1), "F-16"), T(1).Add("X-d")},
		{addShape(T(1), "Türkiye"), T(1).Add("Xux")},
		{addShape(T(1), ""), T(1).Add("")},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: features differ", i)
		}
	}
}

// The embedded tagger keeps its accuracy on GUM dev (trained on GUM train
// and UD-EWT dev; see TestTrainTaggerModel).
func TestDefaultTaggerGUM(t *testing.T) {
	dev, err := treebank.ReadFiles(shared.Path(t, "corpora/gum/dev"))
	if err != nil {
		t.Fatal(err)
	}
	a := DefaultTagger().Evaluate(dev)
	t.Logf("GUM dev: %d words, UPOS %.2f%%, XPOS %.2f%%", a.Words, a.UPOS, a.XPOS)
	if a.UPOS < minUPOS || a.XPOS < minXPOS {
		t.Errorf("GUM dev accuracy UPOS %.2f%%, XPOS %.2f%%; want at least %.1f%%, %.1f%%", a.UPOS, a.XPOS, minUPOS, minXPOS)
	}
}

// Floors: the accuracy measured with the committed model, less half a point.
const minUPOS, minXPOS = 95.3, 95.2

// Tag and TagInto may be called from several goroutines at once (run
// with -race).
func TestTagConcurrent(t *testing.T) {
	tg := DefaultTagger()
	sents := [][]string{
		strings.Fields("Israel 's foreign minister visited Baku on Tuesday ."),
		strings.Fields("Trade between the two countries reached over $ 360 million last year ."),
		strings.Fields("\" These are pillars of stability , \" Aliyev said ."),
	}
	var want [][]string
	for _, w := range sents {
		u, _ := tg.Tag(w)
		want = append(want, u)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 50 {
				k := (g + i) % len(sents)
				if u, _ := tg.Tag(sents[k]); !slices.Equal(u, want[k]) {
					t.Errorf("concurrent Tag: %q, want %q", u, want[k])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestTagFixed(t *testing.T) {
	tg := DefaultTagger()
	words := strings.Fields("Denmark today criticized Norway .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	tg.TagFixed(words, []string{"PROPN NNP", "", "", "NO SUCH"}, upos, xpos)
	if upos[0] != "PROPN" || xpos[0] != "NNP" {
		t.Errorf("fixed word tagged %s %s, want PROPN NNP", upos[0], xpos[0])
	}
	free, _ := tg.Tag(words)
	if upos[3] != free[3] {
		t.Errorf("a class the model lacks changed the tag: %s, untagged %s", upos[3], free[3])
	}
}

func TestTagIntoAllocs(t *testing.T) {
	tg := DefaultTagger()
	words := strings.Fields("Israeli Foreign Minister Gideon Sa'ar arrived in BAKU on Tuesday , a SUPERCALIFRAGILISTICEXPIALIDOCIOUSLY long word .")
	upos, xpos := make([]string, len(words)), make([]string, len(words))
	if n := testing.AllocsPerRun(100, func() { tg.TagInto(words, upos, xpos) }); n != 0 {
		t.Errorf("TagInto allocates %v times per call", n)
	}
}

// BenchmarkTag tags GUM dev with the embedded tagger, one op per pass.
func BenchmarkTag(b *testing.B) {
	dev, err := treebank.ReadFiles(shared.Path(b, "corpora/gum/dev"))
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	n := 0
	for _, s := range dev {
		sents = append(sents, s.Words())
		n += len(s.Tokens)
	}
	tg := DefaultTagger()
	upos, xpos := make([]string, 1000), make([]string, 1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range sents {
			tg.TagInto(w, upos, xpos)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkReadTagger reads the embedded model: the load time of
// DefaultTagger.
func BenchmarkReadTagger(b *testing.B) {
	for b.Loop() {
		if _, err := ReadTagger(bytes.NewReader(taggerModel)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(taggerModel)), "file-bytes")
}
