package treebank

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ReadFiles reads gold sentences from each path, a .conllu or .iob2 file or
// a directory of them (read in sorted order); the extension picks the
// format.
func ReadFiles(paths ...string) ([]Sentence, error) {
	var all []Sentence
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		files := []string{p}
		if fi.IsDir() {
			ents, err := os.ReadDir(p) // sorted by name
			if err != nil {
				return nil, err
			}
			files = files[:0]
			for _, e := range ents {
				if !e.IsDir() && reader(e.Name()) != nil {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
			if len(files) == 0 {
				return nil, fmt.Errorf("%s: no .conllu or .iob2 files", p)
			}
		}
		for _, f := range files {
			read := reader(f)
			if read == nil {
				return nil, fmt.Errorf("%s: unknown format: want a .conllu or .iob2 file", f)
			}
			s, err := readFile(f, read)
			if err != nil {
				return nil, err
			}
			all = append(all, s...)
		}
	}
	return all, nil
}

// reader returns the reader for a file name by its extension, or nil.
func reader(name string) func(io.Reader, string) ([]Sentence, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".conllu":
		return ReadCoNLLU
	case ".iob2":
		return ReadIOB2
	}
	return nil
}

func readFile(path string, read func(io.Reader, string) ([]Sentence, error)) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// lines calls fn with each line of r and its 1-based number, then once
// more with an empty line at the end, so that a last sentence without a
// trailing blank line is finished like the others.
func lines(r io.Reader, name string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20) // GUM's meta comments run long
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.TrimSuffix(sc.Text(), "\r")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	if err := fn(n+1, ""); err != nil {
		return fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return nil
}

// comment returns the value of a "# key = value" comment line.
func comment(line, key string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "#")
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), key)
	if !ok {
		return "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), "=")
	if !ok {
		return "", false
	}
	return strings.TrimSpace(rest), true
}

// ReadCoNLLU reads a CoNLL-U file (name is used in error messages, as
// "name:LINE: reason"). Multiword-token lines ("1-2") and empty nodes
// ("1.1") are skipped; a multiword token's SpaceAfter=No goes to its last
// word. "_" in LEMMA, UPOS, XPOS and DEPREL reads as "" and in HEAD as -1.
//
// A sentence has entities (HasEntities) when its document declares GUM's
// entity annotation ("# global.Entity = ..."); see gumEntities for how the
// mentions become PER, ORG and LOC spans.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var (
		out    []Sentence
		cur    Sentence
		start  int // line of the sentence's first line
		ents   []string
		mwtEnd int  // last word of the current multiword token
		mwtNo  bool // the multiword token has SpaceAfter=No
		gum    *entityFields
	)
	finish := func() error {
		if len(cur.Tokens) == 0 {
			cur = Sentence{}
			return nil
		}
		for _, t := range cur.Tokens {
			if t.Head > len(cur.Tokens) {
				return fmt.Errorf("token %d: head %d outside the sentence of %d words", t.ID, t.Head, len(cur.Tokens))
			}
		}
		if cur.ID == "" {
			cur.ID = fmt.Sprintf("%s:%d", name, start)
		}
		if gum != nil {
			e, err := gumEntities(*gum, ents, cur.Tokens)
			if err != nil {
				return err
			}
			cur.Entities, cur.HasEntities = e, true
		}
		out = append(out, cur)
		cur, ents, mwtEnd = Sentence{}, ents[:0], 0
		return nil
	}
	err := lines(r, name, func(n int, line string) error {
		switch {
		case strings.TrimSpace(line) == "":
			return finish()
		case line[0] == '#':
			if start == 0 || len(cur.Tokens) > 0 {
				start = n
			}
			if v, ok := comment(line, "sent_id"); ok {
				cur.ID = v
			} else if v, ok := comment(line, "text"); ok {
				cur.Text = v
			} else if v, ok := comment(line, "global.Entity"); ok {
				f, err := parseEntityFields(v)
				if err != nil {
					return err
				}
				gum = &f
			} else if _, ok := comment(line, "newdoc"); ok {
				gum = nil // a new document declares its own annotation
			}
			return nil
		}
		if len(cur.Tokens) == 0 && cur.ID == "" && cur.Text == "" {
			start = n
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return fmt.Errorf("want 10 tab-separated fields, got %d", len(f))
		}
		id := f[0]
		if a, b, ok := strings.Cut(id, "-"); ok {
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || lo != len(cur.Tokens)+1 || hi < lo {
				return fmt.Errorf("bad multiword token range %q", id)
			}
			mwtEnd, mwtNo = hi, hasMisc(f[9], "SpaceAfter=No")
			return nil
		}
		if strings.Contains(id, ".") {
			return nil // empty node of the enhanced graph
		}
		i, err := strconv.Atoi(id)
		if err != nil || i != len(cur.Tokens)+1 {
			return fmt.Errorf("bad token ID %q: want %d", id, len(cur.Tokens)+1)
		}
		t := Token{
			ID:         i,
			Form:       f[1],
			Lemma:      under(f[2]),
			UPOS:       under(f[3]),
			XPOS:       under(f[4]),
			Head:       -1,
			Deprel:     under(f[7]),
			SpaceAfter: !hasMisc(f[9], "SpaceAfter=No"),
		}
		if f[2] == "_" && f[1] == "_" {
			t.Lemma = "_"
		}
		if f[6] != "_" {
			h, err := strconv.Atoi(f[6])
			if err != nil || h < 0 {
				return fmt.Errorf("token %d: bad head %q", i, f[6])
			}
			t.Head = h
		}
		if i == mwtEnd && mwtNo {
			t.SpaceAfter = false
		}
		cur.Tokens = append(cur.Tokens, t)
		ents = append(ents, miscValue(f[9], "Entity="))
		return nil
	})
	return out, err
}

func under(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// hasMisc reports whether the MISC field has the attribute kv.
func hasMisc(misc, kv string) bool {
	for a := range strings.SplitSeq(misc, "|") {
		if a == kv {
			return true
		}
	}
	return false
}

// miscValue returns the value of the MISC attribute with the prefix key.
func miscValue(misc, key string) string {
	for a := range strings.SplitSeq(misc, "|") {
		if v, ok := strings.CutPrefix(a, key); ok {
			return v
		}
	}
	return ""
}

// ReadIOB2 reads Universal NER's IOB2 format: "# sent_id" and "# text"
// comments, then one line per token, "INDEX<TAB>TOKEN<TAB>TAG[<TAB>...]",
// with tags O, B-TYPE and I-TYPE, and a blank line after each sentence.
// An I- tag that does not continue an entity of its type starts one, as in
// conlleval. Tokens have no tags or heads (Head -1).
func ReadIOB2(r io.Reader, name string) ([]Sentence, error) {
	var (
		out   []Sentence
		cur   Sentence
		start int
		open  = -1 // index in cur.Entities of the entity the last token is in
	)
	err := lines(r, name, func(n int, line string) error {
		switch {
		case strings.TrimSpace(line) == "":
			if len(cur.Tokens) > 0 {
				if cur.ID == "" {
					cur.ID = fmt.Sprintf("%s:%d", name, start)
				}
				cur.HasEntities = true
				out = append(out, cur)
			}
			cur, open = Sentence{}, -1
			return nil
		case line[0] == '#':
			if v, ok := comment(line, "sent_id"); ok {
				cur.ID = v
			} else if v, ok := comment(line, "text"); ok {
				cur.Text = v
			}
			return nil
		}
		if len(cur.Tokens) == 0 {
			start = n
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return fmt.Errorf("want INDEX, TOKEN and TAG separated by tabs, got %d fields", len(f))
		}
		i, err := strconv.Atoi(f[0])
		if err != nil || i != len(cur.Tokens)+1 {
			return fmt.Errorf("bad token index %q: want %d", f[0], len(cur.Tokens)+1)
		}
		k := len(cur.Tokens)
		cur.Tokens = append(cur.Tokens, Token{ID: i, Form: f[1], Head: -1, SpaceAfter: true})
		tag := f[2]
		if tag == "O" {
			open = -1
			return nil
		}
		bio, typ, ok := strings.Cut(tag, "-")
		if !ok || typ == "" || (bio != "B" && bio != "I") {
			return fmt.Errorf("bad tag %q: want O, B-TYPE or I-TYPE", tag)
		}
		if bio == "I" && open >= 0 && cur.Entities[open].Type == typ {
			cur.Entities[open].End = k + 1
			return nil
		}
		cur.Entities = append(cur.Entities, Entity{Start: k, End: k + 1, Type: typ})
		open = len(cur.Entities) - 1
		return nil
	})
	return out, err
}
