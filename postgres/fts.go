package postgres

import (
	"fmt"
	"strconv"
	"strings"
)

// Filter.Query is in SQLite FTS5 syntax, so that one query means the same
// on both stores. This file parses it as FTS5 does (same grammar, same
// precedence, same malformed queries) and compiles it into a condition on
// the articles' per-column tsvectors:
//
//   - a phrase ("a b", a + b) is phraseto_tsquery over the dyad text
//     search configuration, a trailing * makes its last word a prefix;
//   - AND, OR, NOT and implicit AND are SQL AND, OR and AND NOT, with
//     FTS5's precedence (implicit AND, then NOT, AND, OR);
//   - a column filter (title:, {title text}:, -title:) picks the vectors a
//     phrase is matched in; without one a phrase may be in either column,
//     and each phrase of a query may be in a different one, as in FTS5;
//   - ^ (a phrase that begins its column) is the phrase after a lexeme
//     each vector has at its start;
//   - NEAR(a b, N) is "a <d> b" or "b <d> a" for every d from 0 to N+1.
//
// What differs from SQLite: words are split by PostgreSQL's parser
// (which keeps "u.s", "3.5" and e-mail addresses whole, where FTS5 splits
// at every punctuation mark) and stemmed by Snowball English rather than
// Porter; a NEAR group of more than two phrases, or with a distance over
// maxNear, is rejected as unsupported, and the phrases of a NEAR group
// may not overlap by more than one word, where FTS5 lets them.

// startLexeme is the lexeme at position 1 of every column's vector (see
// the migration), so that "^a" is the phrase of it and a. PostgreSQL's
// parser never makes a lexeme with a space.
const startLexeme = `$$' ^'$$`

// columns are the indexed columns, by their FTS5 names, with their
// vectors in the articles table "a".
var columns = [...]struct{ name, vector string }{
	{"title", "a.fts_title"},
	{"text", "a.fts_text"},
}

// colSet is a set of columns, bit i for columns[i].
type colSet uint8

const allColumns colSet = 1<<len(columns) - 1

// ftsError is a malformed query, in the words SQLite uses for it.
type ftsError string

func (e ftsError) Error() string { return string(e) }

func syntaxError(near string) error {
	return ftsError(fmt.Sprintf("fts5: syntax error near %q", near))
}

// tokKind is the kind of a query token.
type tokKind int

const (
	tokEOF tokKind = iota
	tokString
	tokAnd
	tokOr
	tokNot
	tokLP
	tokRP
	tokLCP
	tokRCP
	tokColon
	tokComma
	tokPlus
	tokStar
	tokMinus
	tokCaret
)

type token struct {
	kind tokKind
	text string // the string's value, or the raw text of the token
	bare bool   // a string written without quotes
}

// isBare reports whether c may be part of an FTS5 bareword: ASCII
// letters and digits, '_', the substitute character and every byte of a
// multi-byte UTF-8 character.
func isBare(c byte) bool {
	return c >= 0x80 || c == '_' || c == 0x1a ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// lex splits a query into tokens as FTS5's tokenizer does.
func lex(q string) ([]token, error) {
	var toks []token
	punct := map[byte]tokKind{
		'(': tokLP, ')': tokRP, '{': tokLCP, '}': tokRCP, ':': tokColon, ',': tokComma,
		'+': tokPlus, '*': tokStar, '-': tokMinus, '^': tokCaret,
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case strings.IndexByte(" \t\n\r\f\v", c) >= 0:
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(q) {
					return nil, ftsError("unterminated string")
				}
				if q[j] == '"' {
					if j+1 < len(q) && q[j+1] == '"' { // "" is a quote
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(q[j])
				j++
			}
			toks = append(toks, token{kind: tokString, text: b.String()})
			i = j + 1
		case punct[c] != 0:
			toks = append(toks, token{kind: punct[c], text: q[i : i+1]})
			i++
		case isBare(c):
			j := i
			for j < len(q) && isBare(q[j]) {
				j++
			}
			w := q[i:j]
			kind := map[string]tokKind{"AND": tokAnd, "OR": tokOr, "NOT": tokNot}[w]
			if kind == 0 {
				kind = tokString
			}
			toks = append(toks, token{kind: kind, text: w, bare: true})
			i = j
		default:
			return nil, syntaxError(q[i : i+1])
		}
	}
	return append(toks, token{kind: tokEOF}), nil
}

// node is a parsed query: a phrase (parts set) or an operator on left
// and right.
type node struct {
	op          tokKind // tokAnd, tokOr, tokNot (left AND NOT right); tokString for a phrase
	left, right *node
	parts       []part
	cols        colSet
	first       bool // the phrase must begin its column (^)

	// A NEAR group of parts and near: at most dist words between them,
	// in either order.
	near []part
	dist int
}

// maxNear is the largest NEAR distance supported: a group is compiled
// into two phrase queries per possible distance.
const maxNear = 100

// part is one string of a phrase; prefix when it ends with *.
type part struct {
	text   string
	prefix bool
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token  { return p.toks[p.pos] }
func (p *parser) peek2() token { return p.toks[min(p.pos+1, len(p.toks)-1)] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func (p *parser) expect(k tokKind) error {
	if t := p.next(); t.kind != k {
		return syntaxError(t.text)
	}
	return nil
}

// parseQuery parses an FTS5 query.
func parseQuery(q string) (*node, error) {
	if strings.HasPrefix(q, "*") {
		// FTS5's special queries *reads and *id report on its own
		// workings and match no article.
		name := strings.TrimLeft(q[1:], " \t\n\r\f\v")
		n := 0
		for n < len(name) && isBare(name[n]) {
			n++
		}
		if name = name[:n]; name == "reads" || name == "id" {
			return &node{op: tokString}, nil
		}
		return nil, ftsError(strings.TrimSpace("unknown special query: " + name))
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	n, err := p.binary(tokOr, allColumns)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, syntaxError(t.text)
	}
	return n, nil
}

// binary parses operands joined by op, each a level of precedence
// tighter: OR, then AND, then NOT, then implicit AND of phrases.
func (p *parser) binary(op tokKind, cols colSet) (*node, error) {
	operand := func() (*node, error) {
		switch op {
		case tokOr:
			return p.binary(tokAnd, cols)
		case tokAnd:
			return p.binary(tokNot, cols)
		}
		return p.primary(cols)
	}
	left, err := operand()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == op {
		p.next()
		right, err := operand()
		if err != nil {
			return nil, err
		}
		left = &node{op: op, left: left, right: right}
	}
	return left, nil
}

// primary parses a parenthesized query, a column filter on one, or a
// run of phrases (implicit AND), each with its own optional filter.
func (p *parser) primary(cols colSet) (*node, error) {
	if p.peek().kind == tokLP {
		p.next()
		n, err := p.binary(tokOr, cols)
		if err != nil {
			return nil, err
		}
		return n, p.expect(tokRP)
	}
	var list *node
	for {
		t := p.peek()
		if t.kind != tokString && t.kind != tokMinus && t.kind != tokLCP && t.kind != tokCaret {
			break
		}
		c := cols
		if t.kind == tokMinus || t.kind == tokLCP || t.kind == tokString && p.peek2().kind == tokColon {
			set, err := p.colset()
			if err != nil {
				return nil, err
			}
			c &= set
			if err := p.expect(tokColon); err != nil {
				return nil, err
			}
			if list == nil && p.peek().kind == tokLP { // filter on a parenthesized query
				p.next()
				n, err := p.binary(tokOr, c)
				if err != nil {
					return nil, err
				}
				return n, p.expect(tokRP)
			}
		}
		n, err := p.nearset(c)
		if err != nil {
			return nil, err
		}
		if list == nil {
			list = n
		} else {
			list = &node{op: tokAnd, left: list, right: n}
		}
	}
	if list == nil {
		return nil, syntaxError(p.peek().text)
	}
	return list, nil
}

// colset parses a column filter before its colon.
func (p *parser) colset() (colSet, error) {
	negate := p.peek().kind == tokMinus
	if negate {
		p.next()
	}
	var names []token
	if p.peek().kind == tokLCP {
		p.next()
		for p.peek().kind == tokString {
			names = append(names, p.next())
		}
		if len(names) == 0 {
			return 0, syntaxError(p.peek().text)
		}
		if err := p.expect(tokRCP); err != nil {
			return 0, err
		}
	} else {
		t := p.next()
		if t.kind != tokString {
			return 0, syntaxError(t.text)
		}
		names = append(names, t)
	}
	var set colSet
	for _, t := range names {
		i := columnIndex(t.text)
		if i < 0 {
			return 0, ftsError("no such column: " + t.text)
		}
		set |= 1 << i
	}
	if negate {
		set = allColumns &^ set
	}
	return set, nil
}

func columnIndex(name string) int {
	for i, c := range columns {
		if strings.EqualFold(c.name, name) {
			return i
		}
	}
	return -1
}

// nearset parses a phrase or a NEAR group.
func (p *parser) nearset(cols colSet) (*node, error) {
	switch t := p.peek(); {
	case t.kind == tokCaret:
		p.next()
		parts, err := p.phrase()
		if err != nil {
			return nil, err
		}
		return &node{op: tokString, parts: parts, cols: cols, first: true}, nil
	case t.kind == tokString && p.peek2().kind == tokLP:
		if !t.bare || t.text != "NEAR" {
			return nil, syntaxError(t.text)
		}
		p.next()
		p.next()
		var phrases [][]part
		for len(phrases) == 0 || p.peek().kind == tokString {
			ph, err := p.phrase()
			if err != nil {
				return nil, err
			}
			phrases = append(phrases, ph)
		}
		dist := 10 // FTS5's default
		if p.peek().kind == tokComma {
			p.next()
			d := p.next()
			n, err := strconv.Atoi(d.text)
			if d.kind != tokString || err != nil {
				return nil, ftsError(fmt.Sprintf("expected integer, got %q", d.text))
			}
			dist = n
		}
		if err := p.expect(tokRP); err != nil {
			return nil, err
		}
		switch {
		case len(phrases) == 1: // FTS5 matches the phrase alone
			return &node{op: tokString, parts: phrases[0], cols: cols}, nil
		case len(phrases) > 2:
			return nil, ftsError("NEAR groups of more than two phrases are not supported by the PostgreSQL store")
		case dist > maxNear:
			return nil, ftsError(fmt.Sprintf("NEAR distances over %d are not supported by the PostgreSQL store", maxNear))
		}
		return &node{op: tokString, parts: phrases[0], near: phrases[1], dist: dist, cols: cols}, nil
	}
	parts, err := p.phrase()
	if err != nil {
		return nil, err
	}
	return &node{op: tokString, parts: parts, cols: cols}, nil
}

// phrase parses strings joined by +, each with an optional *.
func (p *parser) phrase() ([]part, error) {
	var parts []part
	for {
		t := p.next()
		if t.kind != tokString {
			return nil, syntaxError(t.text)
		}
		pt := part{text: t.text}
		if p.peek().kind == tokStar {
			p.next()
			pt.prefix = true
		}
		parts = append(parts, pt)
		if p.peek().kind != tokPlus {
			return parts, nil
		}
		p.next()
	}
}

// sql compiles n into a condition on the articles table "a"; arg adds an
// argument and returns its placeholder.
func (n *node) sql(arg func(any) string) string {
	switch n.op {
	case tokAnd:
		return "(" + n.left.sql(arg) + " AND " + n.right.sql(arg) + ")"
	case tokOr:
		return "(" + n.left.sql(arg) + " OR " + n.right.sql(arg) + ")"
	case tokNot:
		return "(" + n.left.sql(arg) + " AND NOT " + n.right.sql(arg) + ")"
	}
	q := phraseQuery(n.parts, arg)
	if n.near != nil {
		// FTS5 lets the later phrase start at most dist words after the
		// end of the earlier one, or where it ends ("a <0> b" is a and b
		// at one place, "a <d> b" has d-1 words between).
		r := phraseQuery(n.near, arg)
		var alts []string
		for d := 0; d <= n.dist+1; d++ {
			alts = append(alts, fmt.Sprintf("tsquery_phrase(%s, %s, %d) || tsquery_phrase(%s, %s, %d)", q, r, d, r, q, d))
		}
		q = "(" + strings.Join(alts, " || ") + ")"
	}
	match := q
	if n.first {
		match = "tsquery_phrase(" + startLexeme + "::tsquery, " + q + ")"
	}
	var terms []string
	for i, c := range columns {
		if n.cols&(1<<i) != 0 {
			terms = append(terms, c.vector+" @@ "+match)
		}
	}
	switch {
	case len(terms) == 0: // the filters leave no column
		return "false"
	case n.first: // a phrase of no words would match the start of every column
		return "(numnode(" + q + ") > 0 AND (" + strings.Join(terms, " OR ") + "))"
	}
	return "(" + strings.Join(terms, " OR ") + ")"
}

// phraseQuery returns the tsquery of a phrase, with placeholders from arg.
func phraseQuery(parts []part, arg func(any) string) string {
	q := ""
	for _, pt := range parts {
		t := "phraseto_tsquery('dyad', " + arg(pt.text) + ")"
		if pt.prefix {
			// The last lexeme of the text form ('a' <-> 'b') ends the
			// string: mark it as a prefix.
			t = "regexp_replace(" + t + "::text, '''$', ''':*')::tsquery"
		}
		if q == "" {
			q = t
		} else {
			q = "tsquery_phrase(" + q + ", " + t + ")"
		}
	}
	return q
}
