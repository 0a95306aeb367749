package coder

import (
	"strings"

	"dyad"
	"dyad/lexicon"
)

// tree is one parsed sentence with the mentions that fall in it.
type tree struct {
	dyad.Sentence
	words    []string  // lower case, straight apostrophes
	keys     []string  // lexicon.NounKey of each word, as patterns compare them
	mentions []mention // in token order
	ofToken  []int     // index in mentions of the mention holding each token, or -1
}

// mention is a resolved mention over tokens [from, to) of its sentence.
type mention struct {
	from, to int
	dyad.Mention
	actor dyad.Actor
}

func newTree(text string, s dyad.Sentence, ms []dyad.Mention, actors map[string]dyad.Actor) *tree {
	n := len(s.Tokens)
	t := &tree{Sentence: s, words: make([]string, n), keys: make([]string, n), ofToken: make([]int, n)}
	for i, tok := range s.Tokens {
		t.words[i] = strings.ToLower(strings.ReplaceAll(text[tok.Start:tok.End], "’", "'"))
		t.keys[i] = lexicon.NounKey(t.words[i])
		t.ofToken[i] = -1
	}
	for _, m := range ms {
		a, ok := actors[m.Actor]
		if !ok || m.End <= s.Start || m.Start >= s.End {
			continue
		}
		from, to := -1, -1
		for i, tok := range s.Tokens {
			if tok.Start < m.End && tok.End > m.Start {
				if from < 0 {
					from = i
				}
				to = i + 1
			}
		}
		if from < 0 {
			continue
		}
		for i := from; i < to; i++ {
			t.ofToken[i] = len(t.mentions)
		}
		t.mentions = append(t.mentions, mention{from: from, to: to, Mention: m, actor: a})
	}
	return t
}

// rel returns the relation of token k without its subtype.
func (t *tree) rel(k int) string {
	r := t.Tokens[k].Rel
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// head returns the head of token k, or -1 for the root.
func (t *tree) head(k int) int { return t.Tokens[k].Head - 1 }

// children returns the dependents of token k whose relation (with its
// subtype, or without when rel has none) is rel.
func (t *tree) children(k int, rel string) []int {
	var out []int
	for j, tok := range t.Tokens {
		if tok.Head != k+1 {
			continue
		}
		if tok.Rel == rel || !strings.Contains(rel, ":") && t.rel(j) == rel {
			out = append(out, j)
		}
	}
	return out
}

// mark returns the word that introduces the clause headed by token k
// ("if", "to", "by"), or "".
func (t *tree) mark(k int) string {
	if m := t.child(k, "mark"); m >= 0 {
		return t.words[m]
	}
	return ""
}

// child returns the first dependent of k with relation rel, or -1.
func (t *tree) child(k int, rel string) int {
	if c := t.children(k, rel); len(c) > 0 {
		return c[0]
	}
	return -1
}

// clauseRels attach clauses: a phrase stops at them.
var clauseRels = map[string]bool{"acl": true, "advcl": true, "ccomp": true, "xcomp": true,
	"csubj": true, "parataxis": true, "root": true}

// under reports whether token j lies in the phrase of token k: k itself or
// a dependent of it with no clause on the way.
func (t *tree) under(j, k int) bool {
	for range len(t.Tokens) {
		if j == k {
			return true
		}
		if t.head(j) < 0 || clauseRels[t.rel(j)] {
			return false
		}
		j = t.head(j)
	}
	return false
}

// own reports whether token j lies in the phrase of the verb at v (see
// under) and not in that of a verb coordinated with it, which is a clause
// of its own: "built a coalition, and the investigation had confirmed".
func (t *tree) own(j, v int) bool {
	return t.underVia(j, v, func(i int) bool {
		return t.head(i) != v || t.rel(i) != "conj" || t.Tokens[i].UPOS != "VERB"
	})
}

// underVia reports whether token j lies under token k (see under) with
// every token on the way up, j included and k not, accepted by ok.
func (t *tree) underVia(j, k int, ok func(i int) bool) bool {
	if !t.under(j, k) {
		return false
	}
	for ; j != k; j = t.head(j) {
		if !ok(j) {
			return false
		}
	}
	return true
}

// conjuncts returns k and the words coordinated with it ("Israel and
// Azerbaijan"), or with an adjective of it ("French and Egyptian
// warships": each state's warships).
func (t *tree) conjuncts(k int) []int {
	out := []int{k}
	for i := 0; i < len(out); i++ {
		for _, c := range t.children(out[i], "conj") {
			if t.Tokens[c].UPOS != "VERB" || t.Tokens[k].UPOS == "VERB" {
				out = append(out, c) // (a clause is no conjunct of a noun)
			}
		}
		for _, a := range t.children(out[i], "amod") {
			out = append(out, t.children(a, "conj")...)
		}
		out = append(out, t.coordinatedModifiers(out[i])...)
	}
	return out
}

// coordinatedModifiers returns the modifiers of k that the parser hung
// from it side by side though a conjunction joins them ("U.S. and
// Russian negotiators", "and" under "Russian"), or nil.
func (t *tree) coordinatedModifiers(k int) []int {
	var mods []int
	joined := false
	for j, tok := range t.Tokens {
		if tok.Head != k+1 || j > k || t.rel(j) != "amod" && t.rel(j) != "compound" {
			continue
		}
		if len(mods) > 0 && t.child(j, "cc") >= 0 {
			joined = true
		}
		mods = append(mods, j)
	}
	if !joined {
		return nil
	}
	return mods
}

// actors returns the actors a phrase headed by k names, one for each of
// its conjuncts: the one nearest its head ("US mediation in the talks
// with the Palestinians" is the US), and of those as near, the person if
// one is named, else the most specific mention ("Azerbaijani Foreign
// Minister Bayramov" is Bayramov, not Azerbaijan).
func (t *tree) actors(k int) []mention { return t.actorsWhere(k, nil) }

// actorsWhere is actors over the mentions keep accepts (all if nil).
func (t *tree) actorsWhere(k int, keep func(m mention, head int) bool) []mention {
	conj := t.conjuncts(k)
	var out []mention
	for ci, c := range conj {
		best, bestDepth := -1, 0
		for mi, m := range t.mentions {
			if !t.under(m.from, c) || t.inOther(m.from, conj, ci) || keep != nil && !keep(m, c) {
				continue
			}
			d := t.depth(m, c)
			if best < 0 || d < bestDepth || d == bestDepth && rank(m) > rank(t.mentions[best]) {
				best, bestDepth = mi, d
			}
		}
		if best < 0 {
			continue
		}
		found := []mention{t.mentions[best]}
		if h := t.top(t.mentions[best]); h != c && t.nominalUnder(h, c) && len(t.conjuncts(h)) > 1 {
			// The nearest name is one of several coordinated lower in
			// the noun phrase: "blows to the United States and Israel".
			found = t.actorsWhere(h, func(m mention, _ int) bool { return keep == nil || keep(m, c) })
		}
		for _, m := range found {
			if !containsActor(out, m.actor.ID) {
				out = append(out, m)
			}
		}
	}
	return out
}

// nominalUnder reports whether token j lies under token k, below it
// through no verb.
func (t *tree) nominalUnder(j, k int) bool {
	return t.underVia(j, k, func(i int) bool { return t.Tokens[i].UPOS != "VERB" })
}

// top is the token of m nearest the root: its head ("refugees" in
// "Liberian refugees", where "Liberian" may hang from a conjunct before).
func (t *tree) top(m mention) int {
	best, bestDepth := m.from, len(t.Tokens)
	for j := m.from; j < m.to && j < len(t.Tokens); j++ {
		d := 0
		for i := j; i >= 0 && d < len(t.Tokens); i = t.head(i) {
			d++
		}
		if d < bestDepth {
			best, bestDepth = j, d
		}
	}
	return best
}

// depth is the number of arcs from k down to the highest token of m.
func (t *tree) depth(m mention, k int) int {
	best := len(t.Tokens)
	for j := m.from; j < m.to && j < len(t.Tokens); j++ {
		d := 0
		for i := j; i != k && i >= 0 && d < len(t.Tokens); i = t.head(i) {
			d++
		}
		best = min(best, d)
	}
	return best
}

// inOther reports whether token j belongs to a conjunct after the ci-th.
func (t *tree) inOther(j int, conj []int, ci int) bool {
	for _, c := range conj[ci+1:] {
		if t.under(j, c) {
			return true
		}
	}
	return false
}

func containsActor(ms []mention, id string) bool {
	for _, m := range ms {
		if m.actor.ID == id {
			return true
		}
	}
	return false
}

// rank orders the mentions of one phrase: people, then organizations and
// governments, then states, then demonyms.
func rank(m mention) int {
	switch m.Type {
	case dyad.PER:
		return 3
	case dyad.ORG:
		return 2
	case dyad.LOC:
		return 1
	}
	return 0
}

// caseOf returns the preposition of the phrase headed by k: "with" for
// "with Azerbaijan".
func (t *tree) caseOf(k int) string {
	if c := t.child(k, "case"); c >= 0 {
		return t.words[c]
	}
	return ""
}
