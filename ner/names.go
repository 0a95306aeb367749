package ner

import (
	_ "embed"
	"strings"
	"sync"
)

// data/names.tsv lists the words of people's names in the Phoenix actors
// of dyad/lexicon (lexicon/data/actors.tsv): the first and the last word
// of each name of two or more words of an actor with dated codes, which
// are people (groups and companies have an undated code alone). It was
// generated, lower-cased, with
//
//	awk -F'\t' '!/^#/ && $3!="-" {n=split($1,a,"|"); for(i=1;i<=n;i++){m=split(tolower(a[i]),w," "); if(m>=2){f[w[1]]=1; l[w[m]]=1}}}
//	    END{for(k in f) if(length(k)>1 && !(k in l)) print "F\t" k; for(k in l) if(length(k)>1) print ((k in f)?"FL":"L") "\t" k}' lexicon/data/actors.tsv | LC_ALL=C sort -t "$(printf '\t')" -k2
//
// (after a three-line header). A first name the training data never had
// ("Gloria", "Lydia Buchtmann") then still reads as a person.
//
//go:embed data/names.tsv
var namesData string

// Name bits of a word (tok.name).
const (
	nameFirst = 1 << iota
	nameLast
)

// names maps the hash of a lower-cased word (tok.lower) to its name bits.
var names = sync.OnceValue(func() map[uint64]uint8 {
	m := make(map[uint64]uint8, strings.Count(namesData, "\n"))
	for line := range strings.SplitSeq(namesData, "\n") {
		kind, word, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		var b uint8
		if strings.Contains(kind, "F") {
			b |= nameFirst
		}
		if strings.Contains(kind, "L") {
			b |= nameLast
		}
		m[hashBytes(word)] = b
	}
	return m
})
