package extract

import (
	"strings"
	"sync"

	"dyad"
	"dyad/text"
)

// People are the persons dyad has met with a role in earlier articles
// ("Israeli Foreign Minister Gideon Sa'ar"), so that a later article that
// names only "Sa'ar" resolves him. An analyzer learns the people of every
// article it analyzes; a store's actors seed it (see Learn). It is safe for
// concurrent use.
type People struct {
	mu    sync.RWMutex
	byKey map[string][]dyad.Actor // by text.Key of the full name and of the surname
}

// NewPeople returns an empty index.
func NewPeople() *People { return &People{byKey: map[string][]dyad.Actor{}} }

// Learn adds the persons among actors that carry a country or a role:
// someone named without either tells nothing worth keeping. A person
// already known is updated.
func (p *People) Learn(actors ...dyad.Actor) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, a := range actors {
		if a.Kind != dyad.KindPerson || a.Country == "" && a.Role == "" {
			continue
		}
		full := text.Key(a.Name)
		keys := []string{full}
		if i := strings.LastIndexByte(full, ' '); i >= 0 {
			keys = append(keys, full[i+1:])
		}
		for _, k := range keys {
			p.put(k, a)
		}
	}
}

func (p *People) put(key string, a dyad.Actor) {
	list := p.byKey[key]
	for i := range list {
		if list[i].ID == a.ID {
			list[i] = a
			return
		}
	}
	p.byKey[key] = append(list, a)
}

// lookup returns the one person known by name, a full name or a surname
// (as text.Key). A surname that two known people share resolves to
// neither.
func (p *People) lookup(name string) (dyad.Actor, bool) {
	if p == nil {
		return dyad.Actor{}, false
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	if list := p.byKey[name]; len(list) == 1 {
		return list[0], true
	}
	return dyad.Actor{}, false
}
