package ner

import (
	"slices"
	"strings"
	"testing"

	"dyad/treebank"
)

func TestDropStorms(t *testing.T) {
	sents := [][]string{
		strings.Fields("Cyclone Dana reached Odisha on Friday"),
		strings.Fields("Dana 's winds will weaken , the National Hurricane Center said"),
		strings.Fields("T C Dana moved north"),
	}
	ents := [][]treebank.Entity{
		{ent(1, 2, "PER"), ent(3, 4, "LOC")},
		{ent(0, 1, "PER"), ent(7, 10, "ORG")},
		{ent(0, 3, "LOC")},
	}
	var storms []string
	for i, ws := range sents {
		storms = appendStorms(storms, ents[i], ws)
	}
	if !slices.Equal(storms, []string{"Dana"}) {
		t.Fatalf("storms = %q, want [Dana]", storms)
	}
	want := [][]treebank.Entity{{ent(3, 4, "LOC")}, {ent(7, 10, "ORG")}, {}}
	for i, ws := range sents {
		if got := dropStorms(ents[i], ws, storms); !slices.Equal(got, want[i]) {
			t.Errorf("dropStorms(%q) = %v, want %v", ws, got, want[i])
		}
	}
}

func TestDropNonNames(t *testing.T) {
	for _, tt := range []struct {
		words      string
		ents, want []treebank.Entity
	}{
		{"after the French Revolution and the Napoleonic Wars", []treebank.Entity{ent(2, 4, "ORG"), ent(6, 8, "LOC")}, nil},
		{"Europe in the Middle Ages", []treebank.Entity{ent(0, 1, "LOC"), ent(3, 5, "ORG")}, []treebank.Entity{ent(0, 1, "LOC")}},
		{"the Ministry of War said", []treebank.Entity{ent(1, 4, "ORG")}, []treebank.Entity{ent(1, 4, "ORG")}},
		{"losses of US $ 3 billion in the US", []treebank.Entity{ent(2, 3, "LOC"), ent(8, 9, "LOC")}, []treebank.Entity{ent(8, 9, "LOC")}},
	} {
		if got := dropNonNames(slices.Clone(tt.ents), strings.Fields(tt.words)); !slices.Equal(got, tt.want) {
			t.Errorf("dropNonNames(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestPeople(t *testing.T) {
	r := Default()
	for _, tt := range []struct {
		words      string
		ents, want []treebank.Entity
	}{
		{"counsel : J. Rhea Moss and others", []treebank.Entity{ent(3, 5, "PER")}, []treebank.Entity{ent(2, 5, "PER")}},
		{"J. Rhea Moss said", []treebank.Entity{ent(1, 3, "PER")}, []treebank.Entity{ent(0, 3, "PER")}},
		{"the U.S. envoy", []treebank.Entity{ent(1, 2, "LOC")}, []treebank.Entity{ent(1, 2, "LOC")}},
		{"Anna van der Berg arrived", []treebank.Entity{ent(0, 1, "PER")}, []treebank.Entity{ent(0, 4, "PER")}},
		{"Anna van der Berg arrived", []treebank.Entity{ent(0, 1, "PER"), ent(3, 4, "PER")}, []treebank.Entity{ent(0, 4, "PER")}},
		{"Omar Idris of Blue Harbor Games spoke", []treebank.Entity{ent(0, 6, "PER")}, []treebank.Entity{ent(0, 2, "PER"), ent(3, 6, "ORG")}},
		{"Omar Idris of Saudi Arabia spoke", []treebank.Entity{ent(0, 5, "PER")}, []treebank.Entity{ent(0, 2, "PER"), ent(3, 5, "LOC")}},
		{"Hilary of Poitiers wrote", []treebank.Entity{ent(0, 3, "PER")}, []treebank.Entity{ent(0, 3, "PER")}},
	} {
		if got := r.people(slices.Clone(tt.ents), strings.Fields(tt.words)); !slices.Equal(got, tt.want) {
			t.Errorf("people(%q, %v) = %v, want %v", tt.words, tt.ents, got, tt.want)
		}
	}
}

func TestPlaces(t *testing.T) {
	for _, tt := range []struct {
		words      string
		ents, want []treebank.Entity
	}{
		{"a tunnel under Marlow Bay", []treebank.Entity{ent(3, 4, "PER")}, []treebank.Entity{ent(3, 5, "LOC")}},
		{"the Hudson River Company", []treebank.Entity{ent(1, 3, "ORG")}, []treebank.Entity{ent(1, 3, "ORG")}},
		{"Kenya Bay", []treebank.Entity{ent(0, 1, "LOC"), ent(1, 2, "LOC")}, []treebank.Entity{ent(0, 1, "LOC"), ent(1, 2, "LOC")}},
	} {
		if got := places(slices.Clone(tt.ents), strings.Fields(tt.words)); !slices.Equal(got, tt.want) {
			t.Errorf("places(%q, %v) = %v, want %v", tt.words, tt.ents, got, tt.want)
		}
	}
}
