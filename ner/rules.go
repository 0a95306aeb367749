package ner

import (
	"slices"
	"strings"

	"dyad/lexicon"
	"dyad/treebank"
)

// stormWords introduce the name of a tropical storm: "Cyclone Phailin",
// "Hurricane Katrina", "Typhoon Haiyan", "Tropical Storm Alberto".
var stormWords = []string{"Cyclone", "Hurricane", "Typhoon", "Storm"}

// stormWord reports whether w is a storm word in any case.
func stormWord(w string) bool {
	return slices.ContainsFunc(stormWords, func(s string) bool { return strings.EqualFold(w, s) })
}

// appendStorms appends to dst the names of storms in a sentence, given
// its entities: the capitalised word after a storm word outside any
// entity ("Cyclone Phailin", but not "National Hurricane Center").
func appendStorms(dst []string, ents []treebank.Entity, words []string) []string {
	for i := 0; i+1 < len(words); i++ {
		if capitalised(words[i+1]) && stormWord(words[i]) &&
			!slices.ContainsFunc(ents, func(e treebank.Entity) bool { return e.Start <= i && i < e.End }) {
			dst = append(dst, words[i+1])
		}
	}
	return dst
}

// dropStorms drops the entities that name a storm or hold its name ("T C
// Phailin"), storms holding the names of storms anywhere in the text (see
// appendStorms): a storm is an event, not a person, an organization or a
// place, but its name reads as a person's.
func dropStorms(ents []treebank.Entity, words, storms []string) []treebank.Entity {
	if len(storms) == 0 {
		return ents
	}
	return slices.DeleteFunc(ents, func(e treebank.Entity) bool {
		return slices.ContainsFunc(words[e.Start:e.End], func(w string) bool { return slices.Contains(storms, w) })
	})
}

// eventHeads end the names of events and periods: "French Revolution",
// "Vietnam War", "Middle Ages", "Crusades".
var eventHeads = map[string]bool{
	"Revolution": true, "War": true, "Wars": true, "Ages": true, "Crusade": true, "Crusades": true,
	"Renaissance": true, "Reformation": true, "Olympics": true,
}

// dropNonNames drops the entities that name neither a person, an
// organization nor a place, which the model takes for one by their shape:
// an event or period (but "Ministry of War"), and a currency's country
// before its sign ("US $"). NER data leave them out or call them MISC.
func dropNonNames(ents []treebank.Entity, words []string) []treebank.Entity {
	return slices.DeleteFunc(ents, func(e treebank.Entity) bool {
		last := e.End - 1
		if eventHeads[words[last]] && (last == e.Start || !joiner[words[last-1]]) {
			return true
		}
		return e.End-e.Start == 1 && e.End < len(words) && words[e.End] == "$"
	})
}

// people mends the names of people at their edges: an initial before one
// belongs to it ("K. Michael Stevens"), and so do the particles of
// surnames and the name after them ("Ursula von der Leyen", which the
// model, seeing lower-case words, may end at "Ursula"); "of" followed by
// a name of two words or more ends it, that name being where the person
// works or comes from ("Isabel Ruiz of Heaven Sent Gaming"; but "Hilary
// of Poitiers"): a place if the lexicon knows it as one, else an
// organization.
func (r *Recognizer) people(ents []treebank.Entity, words []string) []treebank.Entity {
	if !slices.ContainsFunc(ents, func(e treebank.Entity) bool { return e.Type == "PER" }) {
		return ents
	}
	out := ents[:0:0]
	next := 0 // the first word no entity of out covers
	for _, e := range ents {
		if e.Start < next {
			continue // taken in by the name before it
		}
		if e.Type != "PER" {
			out = append(out, e)
			next = e.End
			continue
		}
		if e.Start > next && initial(words[e.Start-1]) {
			e.Start--
		}
		// "Ursula [von der] Leyen", the rest labelled apart or not at all
		j := e.End
		for j < len(words) && particles[words[j]] {
			j++
		}
		if j > e.End && j < len(words) && capitalised(words[j]) {
			for j < len(words) && capitalised(words[j]) {
				j++
			}
			e.End = j
		}
		next = e.End
		of := slices.Index(words[e.Start:e.End], "of")
		if of <= 0 || e.End-(e.Start+of+1) < 2 {
			out = append(out, e)
			continue
		}
		of += e.Start
		rest := treebank.Entity{Start: of + 1, End: e.End, Type: "ORG"}
		if m, n := r.lex.Match(words[rest.Start:rest.End]); n == rest.End-rest.Start &&
			(m.Kind == lexicon.Country || m.Kind == lexicon.Capital || m.Kind == lexicon.Region) {
			rest.Type = "LOC"
		}
		e.End = of
		out = append(out, e, rest)
	}
	return out
}

// particles stand inside names of people, before the surname.
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "du": true, "da": true,
	"di": true, "del": true, "della": true, "la": true, "le": true, "bin": true, "ibn": true,
}

// initial reports whether w is an initial: "K.".
func initial(w string) bool {
	return len(w) == 2 && w[1] == '.' && 'A' <= w[0] && w[0] <= 'Z'
}

// placeHeads end the names of natural features: "San Francisco Bay",
// "Busuanga Island", "Hudson River".
var placeHeads = map[string]bool{
	"Bay": true, "Island": true, "Islands": true, "River": true, "Lake": true, "Sea": true,
	"Ocean": true, "Mountain": true, "Mountains": true, "Valley": true, "Peninsula": true,
	"Gulf": true, "Strait": true, "Canyon": true, "Coast": true, "Desert": true,
}

// places takes into an entity the word naming a natural feature right
// after it, making it a place: the model, having seen "San Francisco" as
// a name, ends it there.
func places(ents []treebank.Entity, words []string) []treebank.Entity {
	for k := range ents {
		e := &ents[k]
		if e.End < len(words) && placeHeads[words[e.End]] && (k+1 == len(ents) || ents[k+1].Start > e.End) {
			e.End++
			e.Type = "LOC"
		}
	}
	return ents
}
