package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"dyad"
)

// The test corpus: three short hand-written articles by two outlets (one
// spelled in two cases), one of them undated. IDs are fixed strings, not
// hashes: a store must not care how they were made.
const (
	idA1 = "a1000000000000a1" // Northern Herald, 2026-01-10: Norway and Chile sign a pact
	idA2 = "a2000000000000a2" // Southern Post, 2026-01-20: Peru protests
	idA3 = "a3000000000000a3" // northern herald, undated: the UN welcomes a plan
)

var (
	timeA1 = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	timeA2 = time.Date(2026, 1, 20, 15, 30, 0, 0, time.UTC)
)

// Actors of the corpus. IDs of people are lowercase, of states uppercase,
// so the tie-break by ID is exercised across both.
var (
	actNOR    = dyad.Actor{ID: "NOR", Name: "Norway", Code: "NOR", Country: "NOR", Kind: dyad.KindCountry}
	actCHL    = dyad.Actor{ID: "CHL", Name: "Chile", Code: "CHL", Country: "CHL", Kind: dyad.KindCountry}
	actNORGOV = dyad.Actor{ID: "NORGOV", Name: "Norwegian government", Code: "NORGOV", Country: "NOR", Sector: "GOV", Kind: dyad.KindGovernment}
	actPERGOV = dyad.Actor{ID: "PERGOV", Name: "Peruvian government", Code: "PERGOV", Country: "PER", Sector: "GOV", Kind: dyad.KindGovernment}
	actUN     = dyad.Actor{ID: "IGOUNO", Name: "United Nations", Code: "IGOUNO", Kind: dyad.KindIGO}
	actBerg   = dyad.Actor{ID: "ola-berg", Name: "Ola Berg", Code: "NORGOV", Country: "NOR", Sector: "GOV", Kind: dyad.KindPerson, Role: "foreign minister"}
	actRojas  = dyad.Actor{ID: "ana-rojas", Name: "Ana Rojas", Code: "CHLGOV", Country: "CHL", Sector: "GOV", Kind: dyad.KindPerson, Role: "president"}
)

// spanOf returns the span of the n-th (from 0) occurrence of sub in text.
// It panics when there is none: the corpus is wrong, not the store.
func spanOf(text, sub string, n int) dyad.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			panic(fmt.Sprintf("storetest: %q has no occurrence %d of %q", text, n, sub))
		}
		if i == n {
			return dyad.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

// builder fills an analysis whose spans are found in its text.
type builder struct{ a *dyad.Analysis }

func newBuilder(id, outlet string, published time.Time, title, text string) *builder {
	return &builder{&dyad.Analysis{Article: dyad.Article{
		ID: id, URL: "https://example.org/" + id, Outlet: outlet, Title: title,
		Byline: "Staff", Published: published, Lang: "en", Text: text,
	}}}
}

func (b *builder) actors(as ...dyad.Actor) *builder {
	b.a.Actors = append(b.a.Actors, as...)
	return b
}

// mention adds the n-th occurrence of text as a mention of actor.
func (b *builder) mention(text string, n int, typ, actor, role string) *builder {
	b.a.Mentions = append(b.a.Mentions, dyad.Mention{
		Span: spanOf(b.a.Article.Text, text, n), Text: text, Type: typ, Actor: actor, Role: role,
	})
	return b
}

// quote adds a quote whose speaker is named by the n-th occurrence of
// speaker.
func (b *builder) quote(text string, direct bool, cue, speaker string, n int, code, actor string) *builder {
	b.a.Quotes = append(b.a.Quotes, dyad.Quote{
		Span: spanOf(b.a.Article.Text, text, 0), Text: text, Direct: direct, Cue: cue,
		Speaker: dyad.Speaker{Name: speaker, Code: code, Actor: actor, Span: spanOf(b.a.Article.Text, speaker, n)},
	})
	return b
}

func (b *builder) figure(f dyad.Figure) *builder {
	f.Span = spanOf(b.a.Article.Text, f.Text, 0)
	b.a.Figures = append(b.a.Figures, f)
	return b
}

func (b *builder) date(text, value string) *builder {
	b.a.Dates = append(b.a.Dates, dyad.Date{Span: spanOf(b.a.Article.Text, text, 0), Text: text, Value: value})
	return b
}

// event adds e with its evidence sentence, the one that contains the
// evidence text.
func (b *builder) event(e dyad.Event) *builder {
	e.Span = spanOf(b.a.Article.Text, e.Evidence, 0)
	e.Coder, e.Dict = "coder-1.0", "dict-0123abcd"
	b.a.Events = append(b.a.Events, e)
	return b
}

func ev(a dyad.Actor) dyad.EventActor {
	return dyad.EventActor{Name: a.Name, Code: a.Code, Country: a.Country, Sector: a.Sector, Actor: a.ID}
}

// corpus returns fresh copies of the three test analyses.
func corpus() (a1, a2, a3 *dyad.Analysis) {
	t1 := `Foreign Minister Ola Berg of Norway arrived in Santiago on Monday. ` +
		`Berg and President Ana Rojas signed a fisheries pact. ` +
		`"This pact opens a new chapter," Berg said. ` +
		`Trade between the two countries reached over $360 million last year. ` +
		`Rojas said Chile would send 40 scientists to the Arctic.`
	visit := dyad.Event{
		Date: "2026-01-05", Source: ev(actBerg), Target: ev(actCHL),
		CAMEO: "042", Root: "04", Quad: 1, Goldstein: 1.9,
		PLOVER:   dyad.PLOVER{Type: "CONSULT", Mode: "visit"},
		Location: "Santiago", Evidence: "Foreign Minister Ola Berg of Norway arrived in Santiago on Monday.",
		Confidence: 0.9, Mentions: 1,
	}
	sign := dyad.Event{
		Date: "2026-01-05", Source: ev(actBerg), Target: ev(actRojas),
		CAMEO: "057", Root: "05", Quad: 1, Goldstein: 8,
		PLOVER:   dyad.PLOVER{Type: "AGREE", Context: "economic"},
		Evidence: "Berg and President Ana Rojas signed a fisheries pact.", Confidence: 0.75, Mentions: 1,
	}
	signAgain := sign // the same event reported twice: stored once
	signAgain.Evidence = `"This pact opens a new chapter," Berg said.`
	a1 = newBuilder(idA1, "Northern Herald", timeA1, "Oslo and Santiago sign fisheries pact", t1).
		actors(actBerg, actRojas, actNOR, actCHL).
		mention("Ola Berg", 0, dyad.PER, actBerg.ID, "").
		mention("Norway", 0, dyad.LOC, actNOR.ID, "").
		mention("Santiago", 0, dyad.LOC, "", dyad.RolePlace).
		mention("Berg", 1, dyad.PER, actBerg.ID, dyad.RoleAgent).
		mention("Ana Rojas", 0, dyad.PER, actRojas.ID, dyad.RoleAgent).
		mention("Berg", 2, dyad.PER, actBerg.ID, dyad.RoleAgent).
		mention("Rojas", 1, dyad.PER, actRojas.ID, dyad.RoleAgent).
		mention("Chile", 0, dyad.LOC, actCHL.ID, dyad.RoleAgent).
		quote("This pact opens a new chapter", true, "said", "Berg", 2, "NORGOV", actBerg.ID).
		quote("Chile would send 40 scientists to the Arctic", false, "said", "Rojas", 1, "CHLGOV", actRojas.ID).
		figure(dyad.Figure{Text: "over $360 million", Value: 360000000, Unit: "USD", Qualifier: "over",
			Quantity: "trade", Period: "2025", Actors: []string{"NORGOV", "CHLGOV"}}).
		figure(dyad.Figure{Text: "40 scientists", Value: 40, Unit: "scientists", Quantity: "scientists",
			Actors: []string{"CHLGOV"}}).
		date("Monday", "2026-01-05").
		date("last year", "2025").
		event(visit).event(sign).event(signAgain).a
	a1.Themes = []dyad.Theme{{Name: "FISHERIES", Count: 2}, {Name: "TRADE", Count: 1}}
	a1.Tone = dyad.Tone{Score: 2.5, Positive: 2, Negative: 1, Words: 40}
	a1.Tones = []dyad.ActorTone{{Actor: actBerg.ID, Sentences: 3, Tone: dyad.Tone{Score: 3.1, Positive: 1, Words: 32}}}

	t2 := `Peru criticised the fisheries pact between Chile and Norway on Tuesday. ` +
		`"We were not consulted," a Peruvian spokesperson told reporters. ` +
		`The pact covers 12 vessels. ` +
		`Ana Rojas said the deal respected every neighbour.`
	a2 = newBuilder(idA2, "Southern Post", timeA2, "Peru protests fishing deal", t2).
		actors(actPERGOV, actCHL, actNOR, actRojas).
		mention("Peru", 0, dyad.LOC, actPERGOV.ID, dyad.RoleAgent).
		mention("Chile", 0, dyad.LOC, actCHL.ID, "").
		mention("Norway", 0, dyad.LOC, actNOR.ID, "").
		mention("a Peruvian spokesperson", 0, dyad.PER, actPERGOV.ID, dyad.RoleAgent).
		mention("Ana Rojas", 0, dyad.PER, actRojas.ID, dyad.RoleAgent).
		quote("We were not consulted", true, "told", "a Peruvian spokesperson", 0, "PERGOV", actPERGOV.ID).
		quote("the deal respected every neighbour", false, "said", "Ana Rojas", 0, "CHLGOV", actRojas.ID).
		figure(dyad.Figure{Text: "12 vessels", Value: 12, Unit: "vessels", Quantity: "vessels",
			Actors: []string{"CHLGOV", "NORGOV"}}).
		date("Tuesday", "2026-01-20").
		event(dyad.Event{
			Date: "2026-01-20", Source: ev(actPERGOV),
			Target: dyad.EventActor{Name: "Chile", Code: "CHLGOV", Country: "CHL", Sector: "GOV"},
			CAMEO:  "111", Root: "11", Quad: 3, Goldstein: -2,
			PLOVER:     dyad.PLOVER{Type: "ACCUSE", Mode: "disapprove"},
			Evidence:   "Peru criticised the fisheries pact between Chile and Norway on Tuesday.",
			Confidence: 0.6, Mentions: 1,
		}).a
	a2.Tone = dyad.Tone{Score: -1.2, Negative: 1, Words: 30}

	t3 := `The United Nations welcomed a research plan for the Arctic. ` +
		`Norway will fund 3 stations, the ministry said.`
	a3 = newBuilder(idA3, "northern herald", time.Time{}, "UN welcomes Arctic research plan", t3).
		actors(actUN, actNORGOV).
		mention("The United Nations", 0, dyad.ORG, actUN.ID, dyad.RoleAgent).
		mention("Norway", 0, dyad.LOC, actNORGOV.ID, dyad.RoleAgent).
		quote("Norway will fund 3 stations", false, "said", "the ministry", 0, "NORGOV", actNORGOV.ID).
		figure(dyad.Figure{Text: "3 stations", Value: 3, Unit: "stations", Quantity: "stations",
			Actors: []string{"NORGOV"}}).
		event(dyad.Event{
			Source: ev(actUN), Target: ev(actNORGOV),
			CAMEO: "051", Root: "05", Quad: 1, Goldstein: 3.4,
			PLOVER:     dyad.PLOVER{Type: "COOPERATE"},
			Evidence:   "The United Nations welcomed a research plan for the Arctic.",
			Confidence: 0.8, Mentions: 1,
		}).a
	return a1, a2, a3
}

// Sample returns a synthetic analysis for benchmarks and load tests:
// about 20 mentions, 3 quotes, 3 figures and 2 events, with an ID and
// publication date derived from i. All samples are copies of one text.
func Sample(i int) *dyad.Analysis {
	return sample(i, scene{sweden, norway, "Oslo", "2026-01-01", 2, 300, 15, "energy", ""})
}

// side is a country of a sample with its minister.
type side struct {
	name, code, gov string // Sweden, SWE, Swedish government
	first, last     string // the minister's names
}

var (
	sweden = side{"Sweden", "SWE", "Swedish government", "Lena", "Holm"}
	norway = side{"Norway", "NOR", "Norwegian government", "Jonas", "Vik"}
)

// scene is what differs between samples: who meets whom where, on which
// day, the figures claimed and a sentence of the story's own words.
type scene struct {
	src, tgt                    side
	city, date                  string
	billions, trainees, percent int
	subject, topic              string // the memorandum's subject, a sentence
}

// StorySample returns a synthetic analysis shaped as Sample's but told of
// one of many stories: article i belongs to story i/10, published a
// minute after the one before by outlet i%7. A story's countries,
// ministers, figures and words are its own; those of stories in the same
// few days differ, so that they are told apart.
func StorySample(i int) *dyad.Analysis {
	k := i / 10
	// Every ordered pair of distinct countries once per len·(len-1)
	// stories: more than six days of articles, longer than two clustering
	// windows.
	n := len(storyCountries)
	src := k % n
	tgt := (src + 1 + (k/n)%(n-1)) % n
	r := rand.New(rand.NewPCG(uint64(k), 1))
	word := func() string {
		return storyWords[r.IntN(len(storyWords))] + storyWords[r.IntN(len(storyWords))] + storyWords[r.IntN(len(storyWords))]
	}
	words := make([]string, 80)
	for j := range words {
		words[j] = word()
	}
	// The story's ministers have names of their own.
	s, t := storyCountries[src], storyCountries[tgt]
	s.last, t.last = capital(word()), capital(word())
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format(time.DateOnly)
	return sample(i, scene{s, t, storyCities[tgt], day, 2 + k%9, 100 + k%50*10, 5 + k%40,
		words[0] + " " + words[1], "The talks covered " + strings.Join(words, " ") + ". "})
}

// capital returns the ASCII word w capitalized.
func capital(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// storyCountries are the sides of StorySample's stories.
var storyCountries = []side{
	sweden, norway,
	{"Finland", "FIN", "Finnish government", "Aino", "Koski"},
	{"Denmark", "DNK", "Danish government", "Mette", "Lund"},
	{"Iceland", "ISL", "Icelandic government", "Sigrun", "Einars"},
	{"Estonia", "EST", "Estonian government", "Kaja", "Tamm"},
	{"Latvia", "LVA", "Latvian government", "Ilze", "Ozola"},
	{"Lithuania", "LTU", "Lithuanian government", "Rasa", "Kazlaus"},
	{"Poland", "POL", "Polish government", "Ewa", "Nowak"},
	{"Germany", "DEU", "German government", "Jutta", "Brandt"},
	{"Austria", "AUT", "Austrian government", "Lotte", "Gruber"},
	{"Ireland", "IRL", "Irish government", "Niamh", "Byrne"},
	{"Portugal", "PRT", "Portuguese government", "Ines", "Sousa"},
	{"Greece", "GRC", "Greek government", "Eleni", "Pappas"},
	{"Chile", "CHL", "Chilean government", "Ana", "Rojas"},
	{"Peru", "PER", "Peruvian government", "Rosa", "Quispe"},
	{"Japan", "JPN", "Japanese government", "Yuki", "Tanaka"},
	{"Kenya", "KEN", "Kenyan government", "Wanjiru", "Otieno"},
	{"Ghana", "GHA", "Ghanaian government", "Ama", "Mensah"},
	{"Canada", "CAN", "Canadian government", "Claire", "Tremblay"},
	{"Mexico", "MEX", "Mexican government", "Lucia", "Ortega"},
	{"Brazil", "BRA", "Brazilian government", "Marta", "Silva"},
	{"Egypt", "EGY", "Egyptian government", "Nour", "Hassan"},
	{"India", "IND", "Indian government", "Priya", "Rao"},
	{"Vietnam", "VNM", "Vietnamese government", "Lan", "Nguyen"},
	{"Australia", "AUS", "Australian government", "Kylie", "Walsh"},
	{"Morocco", "MAR", "Moroccan government", "Salma", "Idrissi"},
	{"Turkey", "TUR", "Turkish government", "Elif", "Demir"},
	{"Senegal", "SEN", "Senegalese government", "Awa", "Diop"},
	{"Uruguay", "URY", "Uruguayan government", "Sofia", "Pereira"},
}

// storyCities are where the talks take place: the target's capital.
var storyCities = []string{"Stockholm", "Oslo", "Helsinki", "Copenhagen", "Reykjavik", "Tallinn", "Riga",
	"Vilnius", "Warsaw", "Berlin", "Vienna", "Dublin", "Lisbon", "Athens", "Santiago", "Lima", "Tokyo",
	"Nairobi", "Accra", "Ottawa", "Mexico City", "Brasilia", "Cairo", "New Delhi", "Hanoi", "Canberra", "Rabat",
	"Ankara", "Dakar", "Montevideo"}

// storyWords are syllables of the words of StorySample's topics.
var storyWords = []string{"ka", "lo", "mi", "tra", "ven", "sor", "pel", "dun", "rik", "bas", "hol", "gen",
	"tur", "fal", "mor", "ses", "vin", "dra", "kol", "par", "lis", "nor", "qua", "zen", "bri", "cam", "del",
	"fro", "gil", "hun"}

// sample is the analysis of article i telling sc.
func sample(i int, sc scene) *dyad.Analysis {
	src, tgt := sc.src, sc.tgt
	text := fmt.Sprintf(`Report %d. `, i) +
		fmt.Sprintf(`Minister %s %s of %s met Prime Minister %s %s of %s in %s. `, src.first, src.last, src.name, tgt.first, tgt.last, tgt.name, sc.city) +
		sc.topic +
		fmt.Sprintf(`%s said %s would invest $%d billion in rail links. `, src.last, src.name, sc.billions) +
		fmt.Sprintf(`"We share one border and one future," %s said. `, tgt.last) +
		fmt.Sprintf(`%s added that %s would train %d engineers. `, tgt.last, tgt.name, sc.trainees) +
		fmt.Sprintf(`%s and %s signed a memorandum on %s. `, src.last, tgt.last, sc.subject) +
		fmt.Sprintf(`%s and %s exported %d%% more power this winter. `, src.name, tgt.name, sc.percent) +
		fmt.Sprintf(`%s praised %s in %s on Friday, %s told reporters.`, src.last, tgt.last, sc.city, src.last)
	gov := func(s side) dyad.Actor {
		return dyad.Actor{ID: s.code + "GOV", Name: s.gov, Code: s.code + "GOV", Country: s.code, Sector: "GOV", Kind: dyad.KindGovernment}
	}
	person := func(s side, role string) dyad.Actor {
		name := s.first + " " + s.last
		return dyad.Actor{ID: strings.ToLower(strings.ReplaceAll(name, " ", "-")), Name: name, Code: s.code + "GOV",
			Country: s.code, Sector: "GOV", Kind: dyad.KindPerson, Role: role}
	}
	srcGov, tgtGov := gov(src), gov(tgt)
	minister, pm := person(src, "minister"), person(tgt, "prime minister")
	b := newBuilder(fmt.Sprintf("b%015x", i), fmt.Sprintf("Outlet %d", i%7),
		time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Minute),
		fmt.Sprintf("%s and %s sign %s memorandum (%d)", src.name, tgt.name, sc.subject, i), text).
		actors(minister, pm, srcGov, tgtGov)
	for _, m := range []struct {
		text  string
		count int
		typ   string
		actor string
	}{
		{src.last, 5, dyad.PER, minister.ID}, {tgt.last, 5, dyad.PER, pm.ID},
		{src.name, 3, dyad.LOC, srcGov.ID}, {tgt.name, 3, dyad.LOC, tgtGov.ID},
		{sc.city, 2, dyad.LOC, ""}, {"Minister", 2, dyad.MISC, ""},
	} {
		for n := range m.count {
			b.mention(m.text, n, m.typ, m.actor, "")
		}
	}
	invest := fmt.Sprintf("%s would invest $%d billion in rail links", src.name, sc.billions)
	exported := fmt.Sprintf("%s and %s exported %d%% more power this winter", src.name, tgt.name, sc.percent)
	b.quote(invest, false, "said", src.last, 1, srcGov.Code, minister.ID).
		quote("We share one border and one future", true, "said", tgt.last, 1, tgtGov.Code, pm.ID).
		quote(exported, false, "told", src.last, 4, srcGov.Code, minister.ID).
		figure(dyad.Figure{Text: fmt.Sprintf("$%d billion", sc.billions), Value: float64(sc.billions) * 1e9, Unit: "USD",
			Quantity: "investment", Actors: []string{srcGov.Code}}).
		figure(dyad.Figure{Text: fmt.Sprintf("%d engineers", sc.trainees), Value: float64(sc.trainees), Unit: "engineers",
			Actors: []string{tgtGov.Code}}).
		figure(dyad.Figure{Text: fmt.Sprintf("%d%%", sc.percent), Value: float64(sc.percent), Unit: "%", Quantity: "power exports", Period: "2026",
			Actors: []string{srcGov.Code, tgtGov.Code}}).
		event(dyad.Event{Date: sc.date, Source: ev(minister), Target: ev(pm), CAMEO: "040", Root: "04", Quad: 1,
			Goldstein: 1, PLOVER: dyad.PLOVER{Type: "CONSULT", Mode: "visit"},
			Evidence: fmt.Sprintf("Minister %s %s of %s met Prime Minister %s %s of %s in %s.", src.first, src.last, src.name,
				tgt.first, tgt.last, tgt.name, sc.city), Mentions: 1}).
		event(dyad.Event{Date: sc.date, Source: ev(minister), Target: ev(pm), CAMEO: "057", Root: "05", Quad: 1,
			Goldstein: 8, PLOVER: dyad.PLOVER{Type: "AGREE"},
			Evidence: fmt.Sprintf("%s and %s signed a memorandum on %s.", src.last, tgt.last, sc.subject), Mentions: 1})
	b.a.Tone = dyad.Tone{Score: 1.5, Positive: 1, Words: 60}
	return b.a
}
