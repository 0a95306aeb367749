package lexicon

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dyad/text"
)

// unMembers are the 193 member states of the United Nations and its two
// observer states (VAT, PSE).
var unMembers = strings.Fields(`
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX
MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
VAT PSE`)

func TestEmbeddedDataParses(t *testing.T) {
	l, err := load()
	if err != nil {
		t.Fatal(err)
	}
	counts := map[Kind]int{}
	canon := map[Kind]map[*Entry]bool{}
	for _, p := range l.names.all {
		counts[p.ent.Kind]++
		if canon[p.ent.Kind] == nil {
			canon[p.ent.Kind] = map[*Entry]bool{}
		}
		canon[p.ent.Kind][p.ent] = true
	}
	for k := Country; k <= Region; k++ {
		t.Logf("%-8s %4d entries, %4d phrases", k, len(canon[k]), counts[k])
	}
	themes := map[string]int{}
	for _, p := range l.themes.all {
		themes[p.ent.Name]++
	}
	pos, neg := 0, 0
	for _, v := range l.tone {
		if v > 0 {
			pos++
		} else {
			neg++
		}
	}
	t.Logf("themes %d (%d cues), tone +%d -%d", len(themes), len(l.themes.all), pos, neg)
	for k, min := range map[Kind]int{Country: 197, IGO: 40, Role: 60, Agent: 40, Region: 20} {
		if len(canon[k]) < min {
			t.Errorf("%d %s entries, want at least %d", len(canon[k]), k, min)
		}
	}
	if len(themes) < 22 {
		t.Errorf("%d themes, want 22", len(themes))
	}
	for th, n := range themes {
		if n < 10 {
			t.Errorf("theme %s has %d cues, want at least 10", th, n)
		}
	}
	if pos < 300 || neg < 300 {
		t.Errorf("tone has %d positive and %d negative words, want 300 each", pos, neg)
	}
}

func TestEveryUNMemberIsACountry(t *testing.T) {
	l := Default()
	if len(unMembers) != 195 {
		t.Fatalf("test list has %d codes", len(unMembers))
	}
	seen := map[string]bool{}
	for _, c := range unMembers {
		if seen[c] {
			t.Errorf("%s twice in the test list", c)
		}
		seen[c] = true
		e, ok := l.Country(c)
		if !ok {
			t.Errorf("no country %s", c)
			continue
		}
		if e.Kind != Country || e.Code != c || e.Country != c || e.Name == "" || e.Sector != "" {
			t.Errorf("Country(%s) = %+v", c, e)
		}
	}
	for _, c := range []string{"XKX", "TWN"} {
		if _, ok := l.Country(c); !ok {
			t.Errorf("no country %s", c)
		}
	}
}

// TestNamesRoundTrip checks that every name in the data, tokenized as an
// article would be, matches its own entry.
func TestNamesRoundTrip(t *testing.T) {
	l := Default()
	for _, p := range l.names.all {
		s := strings.Join(p.forms, " ")
		var words []string
		for _, tok := range text.Tokenize(s) {
			words = append(words, tok.Text)
		}
		e, n := l.Match(words)
		if n != len(words) || e != *p.ent {
			t.Errorf("Match(%q) = %+v, %d; want %+v, %d", words, e, n, *p.ent, len(words))
		}
	}
}

func TestMatch(t *testing.T) {
	l := Default()
	type want struct {
		kind    Kind
		code    string
		country string
		name    string
		n       int
	}
	for _, tc := range []struct {
		text string
		want want
	}{
		{"Türkiye", want{Country, "TUR", "TUR", "Türkiye", 1}},
		{"Turkiye said", want{Country, "TUR", "TUR", "Türkiye", 1}},
		{"Turkey", want{Country, "TUR", "TUR", "Türkiye", 1}},
		{"TURKEY :", want{Country, "TUR", "TUR", "Türkiye", 1}},
		{"turkey", want{}},
		{"chad", want{}},
		{"Chad", want{Country, "TCD", "TCD", "Chad", 1}},
		{"U.S.", want{Country, "USA", "USA", "United States", 1}},
		{"US officials", want{Country, "USA", "USA", "United States", 1}},
		{"us", want{}},
		{"Us", want{}},
		{"United States of America", want{Country, "USA", "USA", "United States", 4}},
		{"United States and", want{Country, "USA", "USA", "United States", 2}},
		{"Republic of Türkiye", want{Country, "TUR", "TUR", "Türkiye", 3}},
		{"Tel Aviv is seeking", want{Capital, "ISR", "ISR", "Tel Aviv", 2}},
		{"Jerusalem", want{Capital, "ISR", "ISR", "Jerusalem", 1}},
		{"Ramallah", want{Capital, "PSE", "PSE", "Ramallah", 1}},
		{"Brussels", want{Capital, "BEL", "BEL", "Brussels", 1}},
		{"Washington", want{Capital, "USA", "USA", "Washington", 1}},
		{"Baku hopes", want{Capital, "AZE", "AZE", "Baku", 1}},
		{"Kremlin", want{Capital, "RUS", "RUS", "Kremlin", 1}},
		{"Kiev", want{Capital, "UKR", "UKR", "Kiev", 1}},
		{"Israeli", want{Demonym, "ISR", "ISR", "Israeli", 1}},
		{"Israelis", want{Demonym, "ISR", "ISR", "Israeli", 1}},
		{"Azerbaijani", want{Demonym, "AZE", "AZE", "Azerbaijani", 1}},
		{"Azeri", want{Demonym, "AZE", "AZE", "Azerbaijani", 1}},
		{"Azerbaijan ’s", want{Country, "AZE", "AZE", "Azerbaijan", 1}},
		{"Georgia", want{Country, "GEO", "GEO", "Georgia", 1}},
		{"Jordan", want{Country, "JOR", "JOR", "Jordan", 1}},
		{"China", want{Country, "CHN", "CHN", "China", 1}},
		{"Taiwan", want{Country, "TWN", "TWN", "Taiwan", 1}},
		{"Korea", want{Country, "KOR", "KOR", "South Korea", 1}},
		{"North Korea", want{Country, "PRK", "PRK", "North Korea", 2}},
		{"North Korean", want{Demonym, "PRK", "PRK", "North Korean", 2}},
		{"South Korea", want{Country, "KOR", "KOR", "South Korea", 2}},
		{"Congo", want{Country, "COG", "COG", "Congo", 1}},
		{"Democratic Republic of the Congo", want{Country, "COD", "COD", "Democratic Republic of the Congo", 5}},
		{"DRC", want{Country, "COD", "COD", "Democratic Republic of the Congo", 1}},
		{"Côte d'Ivoire", want{Country, "CIV", "CIV", "Côte d'Ivoire", 2}},
		{"Cote d’Ivoire", want{Country, "CIV", "CIV", "Côte d'Ivoire", 2}},
		{"Guinea-Bissau", want{Country, "GNB", "GNB", "Guinea-Bissau", 1}},
		{"Guinea - Bissau", want{Country, "GNB", "GNB", "Guinea-Bissau", 3}},
		{"Guinea", want{Country, "GIN", "GIN", "Guinea", 1}},
		{"eSwatini", want{Country, "SWZ", "SWZ", "Eswatini", 1}},
		{"UAE", want{Country, "ARE", "ARE", "United Arab Emirates", 1}},
		{"Holy See", want{Country, "VAT", "VAT", "Holy See", 2}},
		{"Gaza", want{Country, "PSE", "PSE", "Palestine", 1}},
		{"Palestinians", want{Demonym, "PSE", "PSE", "Palestinian", 1}},
		{"Kosovo", want{Country, "XKX", "XKX", "Kosovo", 1}},
		{"Organisation of Islamic Cooperation", want{IGO, "IGOMOSOIC", "", "Organisation of Islamic Cooperation", 4}},
		{"Organization of Islamic Cooperation", want{IGO, "IGOMOSOIC", "", "Organisation of Islamic Cooperation", 4}},
		{"OIC", want{IGO, "IGOMOSOIC", "", "Organisation of Islamic Cooperation", 1}},
		{"Arab League", want{IGO, "IGOMEAARL", "", "Arab League", 2}},
		{"League of Arab States", want{IGO, "IGOMEAARL", "", "Arab League", 4}},
		{"UN", want{IGO, "IGOUNO", "", "United Nations", 1}},
		{"U.N.", want{IGO, "IGOUNO", "", "United Nations", 1}},
		{"UN Security Council", want{IGO, "IGOUNO", "", "United Nations Security Council", 3}},
		{"European Union", want{IGO, "IGOEUREEC", "", "European Union", 2}},
		{"EU", want{IGO, "IGOEUREEC", "", "European Union", 1}},
		{"NATO", want{IGO, "IGOWSTNAT", "", "North Atlantic Treaty Organization", 1}},
		{"Nato", want{IGO, "IGOWSTNAT", "", "North Atlantic Treaty Organization", 1}},
		{"WHO", want{IGO, "IGOUNOHLHWHO", "", "World Health Organization", 1}},
		{"Who", want{}},
		{"Interpol", want{IGO, "IGOCOPITP", "", "Interpol", 1}},
		{"INTERPOL", want{IGO, "IGOCOPITP", "", "Interpol", 1}},
		{"Red Cross", want{IGO, "NGOHLHIRC", "", "International Committee of the Red Cross", 2}},
		{"foreign minister", want{Role, "GOV", "", "foreign minister", 2}},
		{"Foreign Minister Gideon", want{Role, "GOV", "", "foreign minister", 2}},
		{"minister of foreign affairs", want{Role, "GOV", "", "foreign minister", 4}},
		{"Economy Minister", want{Role, "GOV", "", "economy minister", 2}},
		{"minister", want{Role, "GOV", "", "minister", 1}},
		{"deputy foreign minister", want{Role, "GOV", "", "deputy foreign minister", 3}},
		{"army chief", want{Role, "MIL", "", "army chief", 2}},
		{"CEO", want{Role, "BUS", "", "CEO", 1}},
		{"army", want{Agent, "MIL", "", "army", 1}},
		{"Army", want{Agent, "MIL", "", "army", 1}},
		{"companies", want{Agent, "BUS", "", "company", 1}},
		{"officials", want{Agent, "GOV", "", "officials", 1}},
		{"rebels", want{Agent, "REB", "", "rebels", 1}},
		{"Latin American", want{Region, "LAM", "", "Latin America", 2}},
		{"European", want{Region, "EUR", "", "Europe", 1}},
		{"general election", want{}},
		{"executive order", want{}},
		{"Maj. Gen. Smith", want{Role, "MIL", "", "general", 2}},
		{"generals", want{Role, "MIL", "", "general", 1}},
		{"", want{}},
		{"the", want{}},
		{"-", want{}},
	} {
		words := strings.Fields(tc.text)
		e, n := l.Match(words)
		got := want{e.Kind, e.Code, e.Country, e.Name, n}
		if got != tc.want {
			t.Errorf("Match(%q) = %+v, want %+v", tc.text, got, tc.want)
		}
		if n > 0 && (e.Kind == Role || e.Kind == Agent) && e.Sector != e.Code {
			t.Errorf("Match(%q): sector %q != code %q", tc.text, e.Sector, e.Code)
		}
		if e.Kind == Capital && e.Sector != "GOV" {
			t.Errorf("Match(%q): capital sector %q", tc.text, e.Sector)
		}
	}
	if e, _ := l.Match([]string{"president"}); !e.Head {
		t.Errorf("president is not a head role")
	}
	if e, _ := l.Match([]string{"foreign", "minister"}); e.Head {
		t.Errorf("foreign minister is a head role")
	}
}

func TestConcurrentUse(t *testing.T) {
	l := Default()
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				for j := range sentence {
					l.Match(sentence[j:])
					l.Theme(sentence[j:])
					l.Tone(sentence[j])
				}
				l.Country("ISR")
				l.Lookup("IGOUNO")
				l.Hash()
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func TestLookup(t *testing.T) {
	l := Default()
	for code, name := range map[string]string{
		"ISR": "Israel", "USA": "United States", "TUR": "Türkiye", "KSV": "Kosovo", "TMP": "Timor-Leste",
		"IGOUNO": "United Nations", "IGOUNODEV": "United Nations Development Programme", "IGOMOSOIC": "Organisation of Islamic Cooperation",
		"NGOHLHIRC": "International Committee of the Red Cross", "MEA": "Middle East",
	} {
		e, ok := l.Lookup(code)
		if !ok || e.Name != name {
			t.Errorf("Lookup(%s) = %+v, %v; want %s", code, e, ok, name)
		}
	}
	if _, ok := l.Lookup("XYZ"); ok {
		t.Error("Lookup(XYZ) found something")
	}
	if _, ok := l.Country("IGOUNO"); ok {
		t.Error("Country(IGOUNO) found something")
	}
	if e, _ := l.Country("KSV"); e.Code != "XKX" {
		t.Errorf("Country(KSV).Code = %q", e.Code)
	}
}

func TestTheme(t *testing.T) {
	l := Default()
	for _, tc := range []struct {
		text  string
		theme string
		n     int
	}{
		{"gas", "ENERGY", 1},
		{"Gas", "ENERGY", 1},
		{"natural gas pipeline", "ENERGY", 2},
		{"artificial intelligence", "TECHNOLOGY", 2},
		{"Artificial Intelligence", "TECHNOLOGY", 2},
		{"AI", "TECHNOLOGY", 1},
		{"Covid-19", "HEALTH", 1},
		{"COVID", "HEALTH", 1},
		{"Ai", "", 0},
		{"high technology", "TECHNOLOGY", 2},
		{"high", "", 0},
		{"investments", "INVESTMENT", 1},
		{"investors", "INVESTMENT", 1},
		{"tourists", "TOURISM", 1},
		{"sanctions", "SANCTIONS", 1},
		{"human rights", "HUMAN_RIGHTS", 2},
		{"flights", "TRANSPORT", 1},
		{"trade", "TRADE", 1},
		{"ceasefire", "CONFLICT", 1},
		{"climate change", "ENVIRONMENT", 2},
		{"the", "", 0},
	} {
		theme, n := l.Theme(strings.Fields(tc.text))
		if theme != tc.theme || n != tc.n {
			t.Errorf("Theme(%q) = %q, %d; want %q, %d", tc.text, theme, n, tc.theme, tc.n)
		}
	}
}

func TestTone(t *testing.T) {
	l := Default()
	for w, v := range map[string]int{
		"cooperation": 1, "Partnership": 1, "friendship": 1, "productive": 1, "achievements": 1,
		"support": 1, "stability": 1, "peace": 1, "welcome": 1, "praise": 1, "win-win": 1, "winwin": 1,
		"conflict": -1, "attack": -1, "threat": -1, "crisis": -1, "condemn": -1, "Sanctions": -1,
		"provocation": -1, "criticism": -1, "killed": -1, "war": -1, "WAR": -1,
		"the": 0, "minister": 0, "Türkiye": 0, "": 0,
	} {
		if got := l.Tone(w); got != v {
			t.Errorf("Tone(%q) = %d, want %d", w, got, v)
		}
	}
}

func TestAddFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	os.WriteFile(good, []byte(strings.Join([]string{
		"# a user dictionary",
		"country\tISR\t-\tZion|Jewish state\t-\t-",
		"country  AZE  -  Land of Fire  -  -",
		"igo\tIGOXYZ\tExample Organization\tEXO",
		"role\tchief diplomat\tGOV\tno\tchief diplomats",
		"role\t[navigator]\tMIL\tno\tnavigators|ship's navigator",
		"role\tminister\tLEG\tno\t-",
		"country\tISR\t-\t-\tZionist|Zionists",
		"agent\tcoastguard\tMIL",
		"theme\tSPACE\trocket|rockets|launch pad",
		"tone\tlauded\t+1",
		"tone\tpeace\t-1",
		"country\tTUR\tTurkey\t-\t-\t-",
		"",
	}, "\n")), 0o644)
	l := New()
	before := l.Hash()
	if err := l.AddFile(good); err != nil {
		t.Fatal(err)
	}
	if l.Hash() == before {
		t.Error("Hash did not change")
	}
	if Default().Hash() != before {
		t.Error("AddFile on New changed Default")
	}
	check := func(s string, kind Kind, code, name string) {
		t.Helper()
		e, n := l.Match(strings.Fields(s))
		if n != len(strings.Fields(s)) || e.Kind != kind || e.Code != code || e.Name != name {
			t.Errorf("after AddFile, Match(%q) = %+v, %d", s, e, n)
		}
	}
	check("Zion", Country, "ISR", "Israel")
	check("Jewish state", Country, "ISR", "Israel")
	check("Israel", Country, "ISR", "Israel")
	check("Land of Fire", Country, "AZE", "Azerbaijan")
	check("EXO", IGO, "IGOXYZ", "Example Organization")
	check("chief diplomats", Role, "GOV", "chief diplomat")
	check("coastguard", Agent, "MIL", "coastguard")
	check("navigators", Role, "MIL", "navigator")
	check("ship ’s navigator", Role, "MIL", "navigator")
	check("Zionists", Demonym, "ISR", "Israeli")
	check("Israelis", Demonym, "ISR", "Israeli")
	// A role's sector changes for all its variants.
	check("ministers", Role, "LEG", "minister")
	if _, n := l.Match([]string{"navigator"}); n != 0 {
		t.Error("a [bracketed] canonical name matched")
	}
	// The canonical name changed: old and new phrases see it.
	check("Türkiye", Country, "TUR", "Turkey")
	check("Turkey", Country, "TUR", "Turkey")
	if e, _ := l.Country("TUR"); e.Name != "Turkey" {
		t.Errorf("Country(TUR).Name = %q", e.Name)
	}
	if th, n := l.Theme([]string{"launch", "pad"}); th != "SPACE" || n != 2 {
		t.Errorf("Theme(launch pad) = %q, %d", th, n)
	}
	if l.Tone("lauded") != 1 || l.Tone("peace") != -1 {
		t.Errorf("Tone after AddFile: lauded %d, peace %d", l.Tone("lauded"), l.Tone("peace"))
	}

	for name, tc := range map[string]struct{ content, err string }{
		"sector": {"# x\ncountry\tISR\t-\tZion\nrole\tchief\tgov\tno\n", `sector "gov" is not three capital letters`},
		"kind":   {"\n\nplanet\tMars\n", `unknown kind "planet"`},
		"code":   {"country\tISR\t-\tZion\n\ncountry\tIS\tIsrael\n", `code "IS" is not three capital letters`},
		"fields": {"# c\n# c\ntone\tgood\n", `tone: 1 fields`},
		"polar":  {"tone\tfine\t+1\ntone\tbad\t-1\ntone\tok\t2\n", `polarity "2"`},
		"dup":    {"country\tISR\t-\tZion\nagent\tguards\tMIL\ncountry\tAZE\t-\tZion\n", `"Zion" is already defined at`},
		"head":   {"role\tpilot\tMIL\tno\nrole\tco-pilot\tMIL\tno\nrole\tchief\tGOV\tmaybe\n", `head "maybe" is not yes or no`},
		"canon":  {"igo\tIGOA\tA\n\ncountry\tXYZ\t-\tZ\n", `XYZ has no canonical name`},
	} {
		path := filepath.Join(dir, name+".tsv")
		os.WriteFile(path, []byte(tc.content), 0o644)
		l := New()
		h := l.Hash()
		err := l.AddFile(path)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), path+":3: ") || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: error %q, want %q at line 3", name, err, tc.err)
		}
		// Nothing of a bad file is applied.
		if l.Hash() != h {
			t.Errorf("%s: hash changed", name)
		}
		if _, n := l.Match([]string{"Zion"}); n != 0 {
			t.Errorf("%s: a line of a bad file was applied", name)
		}
	}
	if err := New().AddFile(filepath.Join(dir, "missing.tsv")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestHash(t *testing.T) {
	h := Default().Hash()
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(h) {
		t.Errorf("Hash() = %q", h)
	}
	if New().Hash() != h {
		t.Error("Hash differs between two loads")
	}
	dir := t.TempDir()
	p1, p2 := filepath.Join(dir, "a.tsv"), filepath.Join(dir, "b.tsv")
	os.WriteFile(p1, []byte("tone\tlauded\t+1\n"), 0o644)
	os.WriteFile(p2, []byte("tone\tlauded\t+1\n"), 0o644)
	a, b := New(), New()
	a.AddFile(p1)
	b.AddFile(p2)
	if a.Hash() != b.Hash() || a.Hash() == h {
		t.Errorf("hash of the same added data: %s, %s (default %s)", a.Hash(), b.Hash(), h)
	}
}

func TestMatchAllocs(t *testing.T) {
	l := Default()
	for _, s := range []string{
		"Israeli Foreign Minister Gideon Sa’ar arrived in Baku",
		"the Organisation of Islamic Cooperation",
		"United States of America",
		"U.S. officials said on Tuesday",
		"high technology and artificial intelligence",
	} {
		words := strings.Fields(s)
		allocs := testing.AllocsPerRun(100, func() {
			for i := range words {
				l.Match(words[i:])
				l.Theme(words[i:])
				l.Tone(words[i])
			}
		})
		if allocs != 0 {
			t.Errorf("%q: %v allocations", s, allocs)
		}
	}
}

var sentence = strings.Fields(`Israeli Foreign Minister Gideon Sa’ar arrived in Baku on Monday , where he met Azerbaijan ’s President Ilham Aliyev and Economy Minister Mikayil Jabbarov to discuss trade , energy , high technology and the Organisation of Islamic Cooperation ; Tel Aviv is seeking closer ties as Türkiye and the United States of America watch .`)

func BenchmarkMatch(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		for i := range sentence {
			l.Match(sentence[i:])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sentence)), "ns/word")
}

func BenchmarkThemeTone(b *testing.B) {
	l := Default()
	b.ReportAllocs()
	for b.Loop() {
		for i := range sentence {
			l.Theme(sentence[i:])
			l.Tone(sentence[i])
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFoldFast checks that the allocation-free fold agrees with text.Key.
func TestFoldFast(t *testing.T) {
	for _, w := range []string{
		"Türkiye", "TÜRKIYE", "Sa’ar", "Sa'ar", "U.S.", "Côte", "d’Ivoire", "Chișinău", "São", "Tomé",
		"Malé", "Reykjavík", "Gdańsk", "Łódź", "straße", "Ørsted", "Æther", "İstanbul", "ı", "ʼ", "-", "‐", "Baku,",
		"e\u0301", "Ａ", "ǅ", "ǈ", "Ĳ", "ŉ", "ſ", "µ", "×", "÷", "ª", "º",
	} {
		var buf [64]byte
		k, ok := foldFast(buf[:0], w)
		if ok && string(k) != text.Key(w) {
			t.Errorf("foldFast(%q) = %q, text.Key = %q", w, k, text.Key(w))
		}
	}
	for r := rune(0); r < 0x3000; r++ {
		w := "a" + string(r) + "b"
		var buf [64]byte
		if k, ok := foldFast(buf[:0], w); ok && string(k) != text.Key(w) {
			t.Errorf("foldFast(%q) = %q, text.Key = %q", w, k, text.Key(w))
		}
	}
}
