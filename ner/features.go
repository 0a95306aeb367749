package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/lexicon"
)

// Features are 64-bit hashes: a template number mixed with the hashes of
// its parts. Every part of a word is hashed once per sentence (tok), so
// the features of a position cost a few multiplications each and nothing
// is allocated per word.

// Feature templates. The numbers are part of the model file: renumbering
// one invalidates trained models.
const (
	tBias = iota + 1
	tForm
	tLower
	tShape
	tSuf2
	tSuf3
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShapeM1
	tShapeP1
	tShapes3
	tBigramM1
	tBigramP1
	tGaz
	tGazM1
	tGazP1
	tGazShape
	tRoleBefore
	tFirstShape
	tCaseShape
	tPrev
	tPrev2
	tPrevLower
	tPrevShape
	tCapRun
	tUpos
	tUposM1
	tUposP1
	tUposShape
	tUpos3
	tLowerM1Shape
	tShapeLowerP1
	tContextM2M1
	tRunLast
	tRunLastSuf
	tRunBefore
	tRunPos
	tKnown
	tKnownM1
	tKnownP1
	tKnownShape
	tVocab
	tVocabM1
	tVocabP1
	tName
	tNameM1
	tNameP1
	tNameSeen
	tRunGaz
	tDocPrev
	tDocNext
	tDocCase
	tDocNames
)

// tok holds the hashed parts of one word.
type tok struct {
	form, lower, shape uint64
	suf2, suf3         uint64
	gaz                uint64 // lexicon kind and BILOU position inside the entry; 0 outside
	upos               uint64 // 0 when not known
	name               uint64 // name bits (see names), 0 for none
	seen               uint64 // vocab bits (see vocab), 0 when unseen or no vocab
	known              uint64 // Phoenix actor class and BILOU position (see knownClass); 0 outside
	kindEnd            lexicon.Kind
	capital            bool
	// the first and last word of the run of capitalised words this one
	// is in (see markRuns); -1 outside any
	runStart, runEnd int
}

// Sentence case classes: headlines capitalise every word but short
// function words, much web text none, which changes what a capital letter
// says.
const (
	caseMixed = iota + 1
	caseLower
	caseTitle
	caseUpper
)

func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9E3779B97F4A7C15
	return h ^ h>>31
}

// The template number is mixed before the first part: mixed straight
// into it, small parts such as the gazetteer bits would collide across
// templates (mix(t, a) == mix(t^1, a^1), so that tGaz of one entry kind
// was tGazM1 of another).
func f1(t int, a uint64) uint64       { return mix(tmpl(t), a) }
func f2(t int, a, b uint64) uint64    { return mix(mix(tmpl(t), a), b) }
func f3(t int, a, b, c uint64) uint64 { return mix(mix(mix(tmpl(t), a), b), c) }

func tmpl(t int) uint64 { return mix(0x6e6572, uint64(t)) }

// hashBytes is FNV-1a; any non-zero hash would do, since 0 marks absence.
func hashBytes[T string | []byte](b T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * 1099511628211
	}
	return h | 1
}

// boundary words stand for positions before and after the sentence.
var (
	hashStart = hashBytes("<s>")
	hashEnd   = hashBytes("</s>")
)

// scratch is the per-sentence working memory of feature extraction.
type scratch struct {
	doc      docContext // of the document the sentence is in
	storms   []string   // the names of storms in it (see appendStorms)
	sentCase int        // of the sentence prepared
	entries  []entry    // the lexicon's entries in the sentence, left to right
	toks     []tok
	buf      []byte
	feats    []uint64
	scores   []float32
	labels   []int
}

// entry is a lexicon entry matched over words [start, end) of a sentence.
type entry struct {
	kind       lexicon.Kind
	start, end int
}

// prepare hashes the words of a sentence, and their parts of speech if
// upos is not nil, into s.toks, and sets s.sentCase and s.entries.
func (s *scratch) prepare(words, upos []string, lex *lexicon.Lexicon, voc vocab) {
	s.toks = s.toks[:0]
	nm := names()
	upper, content, alpha := 0, 0, 0
	for i, w := range words {
		var t tok
		if upos != nil {
			t.upos = hashBytes(upos[i])
		}
		s.buf = appendLower(s.buf[:0], w)
		t.form = hashBytes(w)
		t.lower = hashBytes(s.buf)
		t.name = uint64(nm[t.lower])
		if voc != nil {
			t.seen = uint64(voc[t.lower]) | 1<<8
		}
		t.suf2 = hashBytes(suffix(s.buf, 2))
		t.suf3 = hashBytes(suffix(s.buf, 3))
		s.buf = appendShape(s.buf[:0], w)
		t.shape = hashBytes(s.buf)
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			alpha++
			if unicode.IsUpper(r) {
				t.capital = true
				upper++
			} else if !minorWord(w) {
				content++
			}
		}
		s.toks = append(s.toks, t)
	}
	s.markRuns(words)
	s.entries = s.entries[:0]
	for i := 0; i < len(words); {
		e, n := lex.Match(words[i:])
		if n == 0 {
			i++
			continue
		}
		s.entries = append(s.entries, entry{e.Kind, i, i + n})
		for j := range n {
			s.toks[i+j].gaz = uint64(e.Kind)<<3 | uint64(bilouPos(j, n)) | 1<<8
		}
		s.toks[i+n-1].kindEnd = e.Kind
		i += n
	}
	// The Phoenix actors (lexicon.MatchKnown) where the lexicon's own
	// names (Match) found nothing: people and organizations.
	for i := 0; i < len(words); {
		if !s.toks[i].capital || s.toks[i].gaz != 0 {
			i++
			continue
		}
		e, n := lex.MatchKnown(words[i:])
		if n == 0 {
			i++
			continue
		}
		c := knownClass(e)
		for j := range n {
			s.toks[i+j].known = c<<3 | uint64(bilouPos(j, n)) | 1<<8
		}
		i += n
	}
	switch {
	case alpha == 0:
		s.sentCase = caseMixed
	case upper == 0:
		s.sentCase = caseLower
	case allUpper(words):
		s.sentCase = caseUpper
	case content == 0 && upper >= 2:
		s.sentCase = caseTitle
	default:
		s.sentCase = caseMixed
	}
}

// bilouPos is the BILOU position of word j of an n-word entry.
func bilouPos(j, n int) int {
	switch {
	case n == 1:
		return posU
	case j == 0:
		return posB
	case j == n-1:
		return posL
	}
	return posI
}

// knownClass tells a Phoenix actor's kind from its codes: people hold
// dated codes (offices), groups and companies an undated one ("MNCUSA",
// "NGO", "INTREB").
func knownClass(e lexicon.Entry) uint64 {
	switch {
	case len(e.Dated()) > 0:
		return 1
	case strings.HasPrefix(e.Code, "MNC"):
		return 2
	}
	return 3
}

// markRuns finds the runs of capitalised words, joined by words such as
// "of the" that stand inside names ("Bank of England", "Court of Appeal"),
// and records in each word of a run where the run starts and ends. The
// last word of a name often tells its type ("Congress", "Bay",
// "Corporation"), which a tagger going from left to right would see only
// after labelling the first; so does the word before it ("in", "at").
func (s *scratch) markRuns(words []string) {
	for i := 0; i < len(words); {
		if !s.toks[i].capital {
			s.toks[i].runStart, s.toks[i].runEnd = -1, -1
			i++
			continue
		}
		j := i + 1
		for {
			k := j
			for k < len(words) && joiner[words[k]] {
				k++
			}
			if k == len(words) || !s.toks[k].capital {
				break
			}
			j = k + 1
		}
		for k := i; k < j; k++ {
			s.toks[k].runStart, s.toks[k].runEnd = i, j-1
		}
		i = j
	}
}

// joiner lists the words that may join capitalised words into a name.
var joiner = map[string]bool{"of": true, "the": true, "and": true, "&": true, "-": true, "for": true, "de": true}

// minorWord reports whether w is a word that headlines leave in lower
// case.
func minorWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
		"in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into":
		return true
	}
	return false
}

// features appends the features of position i, given the two labels
// before it, to s.feats[:0].
func (s *scratch) features(i, prev, prev2 int) []uint64 {
	ts := s.toks
	t := &ts[i]
	at := func(j int) *tok {
		switch {
		case j < 0:
			return &boundary[0]
		case j >= len(ts):
			return &boundary[1]
		}
		return &ts[j]
	}
	m1, p1, m2, p2 := at(i-1), at(i+1), at(i-2), at(i+2)
	pl, pl2 := uint64(prev+2), uint64(prev2+2) // -1 (none) → 1
	f := append(s.feats[:0],
		f1(tBias, 0),
		f1(tForm, t.form),
		f1(tLower, t.lower),
		f1(tShape, t.shape),
		f1(tSuf2, t.suf2),
		f1(tSuf3, t.suf3),
		f1(tLowerM1, m1.lower),
		f1(tLowerP1, p1.lower),
		f1(tLowerM2, m2.lower),
		f1(tLowerP2, p2.lower),
		f1(tShapeM1, m1.shape),
		f1(tShapeP1, p1.shape),
		f3(tShapes3, m1.shape, t.shape, p1.shape),
		f2(tBigramM1, m1.lower, t.lower),
		f2(tBigramP1, t.lower, p1.lower),
		f1(tGaz, t.gaz),
		f1(tGazM1, m1.gaz),
		f1(tGazP1, p1.gaz),
		f2(tGazShape, t.gaz, t.shape),
		f2(tCaseShape, uint64(s.sentCase), t.shape),
		f1(tPrev, pl),
		f2(tPrev2, pl, pl2),
		f2(tPrevLower, pl, t.lower),
		f2(tPrevShape, pl, t.shape),
	)
	if t.upos != 0 {
		f = append(f,
			f1(tUpos, t.upos),
			f1(tUposM1, m1.upos),
			f1(tUposP1, p1.upos),
			f2(tUposShape, t.upos, t.shape),
			f3(tUpos3, m1.upos, t.upos, p1.upos),
		)
	}
	if t.known|m1.known|p1.known != 0 {
		f = append(f,
			f1(tKnown, t.known),
			f1(tKnownM1, m1.known),
			f1(tKnownP1, p1.known),
			f2(tKnownShape, t.known, t.shape),
		)
	}
	if t.name|m1.name|p1.name != 0 {
		f = append(f,
			f2(tName, t.name, t.shape),
			f2(tNameM1, m1.name, t.shape),
			f2(tNameP1, p1.name, t.shape),
		)
	}
	if t.seen != 0 {
		if t.name != 0 {
			f = append(f, f2(tNameSeen, t.name, t.seen))
		}
		f = append(f,
			f3(tVocab, t.seen, t.shape, b2u(i == 0)),
			f2(tVocabM1, m1.seen, t.shape),
			f2(tVocabP1, p1.seen, t.shape),
		)
	}
	if i == 0 {
		f = append(f, f1(tFirstShape, t.shape))
	}
	// A title, nationality or organisation word just before a capital
	// usually introduces a name: "President Ilham Aliyev", "Israeli
	// Foreign Minister Gideon Sa'ar".
	if t.capital && m1.kindEnd != 0 {
		f = append(f, f1(tRoleBefore, uint64(m1.kindEnd)))
	}
	if t.capital {
		f = append(f, f2(tCapRun, b2u(m1.capital), b2u(p1.capital)))
	}
	if t.runStart >= 0 {
		last := &ts[t.runEnd]
		f = append(f,
			f1(tRunLast, last.lower),
			f1(tRunLastSuf, last.suf3),
			f1(tRunBefore, at(t.runStart-1).lower),
			f2(tRunPos, uint64(min(i-t.runStart, 2)), uint64(min(t.runEnd-i, 2))),
			f3(tRunGaz, ts[t.runStart].name, last.name|last.seen<<8, uint64(min(t.runEnd-t.runStart, 2))),
		)
	}
	// what all the mentions of a name in the document say of it
	if d := s.doc.lookup(t.lower); t.capital && d != nil {
		f = append(f, f2(tDocCase, d.bits, t.shape))
		if d.names != 0 {
			f = append(f, f2(tDocNames, d.names, t.shape))
		}
		for _, h := range d.prev {
			f = append(f, f1(tDocPrev, h))
		}
		for _, h := range d.next {
			f = append(f, f1(tDocNext, h))
		}
	}
	s.feats = f
	return f
}

var boundary = [2]tok{
	{form: hashStart, lower: hashStart, shape: hashStart, upos: hashStart},
	{form: hashEnd, lower: hashEnd, shape: hashEnd, upos: hashEnd},
}

func b2u(b bool) uint64 {
	if b {
		return 2
	}
	return 1
}

// appendLower appends w in lower case, with curly apostrophes straight so
// that "Sa’ar" and "Sa'ar" are one word.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if r == '’' || r == '‘' {
			b = append(b, '\'')
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// appendShape appends the shape of w: X for upper case, x for lower, d for
// digits, other characters as they are, runs of one class collapsed after
// two ("Xx", "XX", "X.X.", "dd,dd", "Xx'x").
func appendShape(b []byte, w string) []byte {
	var last byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r == '’':
			c = '\''
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			last, run = c, 0
		}
		b = append(b, c)
	}
	return b
}

// suffix counts bytes: on a non-ASCII word it may cut a rune, which only
// changes which hash the word gets, the same in training and use.
func suffix(b []byte, n int) []byte { return b[max(0, len(b)-n):] }

func allUpper(words []string) bool {
	for _, w := range words {
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}
