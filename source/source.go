// Package source reads news inputs — plain text, HTML, JSON Lines, RSS/Atom
// feeds; from files, directories, URLs or stdin — and turns them into
// dyad.Articles.
//
// Read reports every article and every failure as an Item naming the input it
// came from, so one bad file, line or feed item never stops a batch.
package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"dyad"
	"dyad/text"

	"golang.org/x/text/encoding/unicode"
)

// DefaultUserAgent is sent with every request unless Options.UserAgent is set.
const DefaultUserAgent = "dyad/0.1 (+https://github.com/dyad-news/dyad)"

// Options control reading. The zero value is usable.
type Options struct {
	// Published is the publication date for inputs that carry none (from
	// --published). It never overrides a date the input has.
	Published time.Time
	// Follow makes feeds fetch each item's linked page and extract it.
	Follow bool
	// AllowPrivate allows URLs on loopback, private and link-local
	// addresses. They are refused by default, checked on the resolved IP at
	// dial time, so redirects and DNS tricks are covered too.
	AllowPrivate bool
	// MaxBytes limits each input: a file, a URL body, stdin; for JSON Lines
	// read from a file or stdin, each line. Default 10 MiB.
	MaxBytes int64
	// Timeout limits each URL fetch, body included. Default 20s.
	Timeout time.Duration
	// MaxRedirects limits the redirects followed per fetch. Default 5;
	// negative means none.
	MaxRedirects int
	// UserAgent is sent with every request. Default DefaultUserAgent.
	UserAgent string
	// Stdin is read for input "-". Default os.Stdin.
	Stdin io.Reader
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	} else if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return o
}

// Item is one article read, or one failure.
type Item struct {
	// Input names exactly what was read: a path, "path:LINE" for JSON
	// Lines, a URL, "feed#N" for the Nth feed item, "-" for stdin.
	Input   string
	Article dyad.Article // zero when Err != nil
	Err     error        // one line saying the reason
}

// String is "INPUT: reason" for a failure and "INPUT: ID "title"" for an
// article.
func (it Item) String() string {
	if it.Err != nil {
		return it.Input + ": " + it.Err.Error()
	}
	return fmt.Sprintf("%s: %s %q", it.Input, it.Article.ID, it.Article.Title)
}

// ArticleID is the first 16 hex digits of SHA-256 over the normalized text,
// so re-reading a text, or a copy of it with other spacing, gives the same ID.
func ArticleID(s string) string {
	sum := sha256.Sum256([]byte(text.Normalize(s)))
	return hex.EncodeToString(sum[:8])
}

// Read reads one input — a file path, a directory (recursively), an http(s)
// URL, or "-" for stdin — and calls emit for every article or failure in it,
// in order. Read goes on past failed items, and a panic in a reader fails
// its input rather than the caller; panics in emit are left to the caller.
func Read(ctx context.Context, input string, opts Options, emit func(Item)) {
	r := &reader{ctx: ctx, opts: opts.withDefaults(), emit: emit}
	r.guard(input, func() {
		switch {
		case input == "-":
			r.readStream(input, r.opts.Stdin, formatUnknown)
		case strings.Contains(input, "://"):
			r.readURL(input)
		default:
			r.readPath(input)
		}
	})
}

// reader carries one Read call's context, options and emit function.
type reader struct {
	ctx      context.Context
	opts     Options
	emit     func(Item)
	emitting bool         // emit is running: a panic there is the caller's
	hc       *http.Client // made on first use
}

// send calls emit.
func (r *reader) send(it Item) {
	r.emitting = true
	r.emit(it)
	r.emitting = false // left true if emit panics, for guard to see
}

// fail reports a failure of input.
func (r *reader) fail(input string, err error) {
	r.send(Item{Input: input, Err: oneLineError(err)})
}

// guard runs fn and reports a panic in it as a failure of input, so that a
// bug fails one input rather than the batch. Panics in emit go on.
func (r *reader) guard(input string, fn func()) {
	defer func() {
		if p := recover(); p != nil {
			if r.emitting {
				panic(p)
			}
			r.fail(input, fmt.Errorf("internal error: %v", p))
		}
	}()
	fn()
}

// catch, deferred, turns a panic of a third-party parser into an error.
func catch(parser string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%s failed: %v", parser, p)
	}
}

// article completes a parsed article and reports it, or reports err.
func (r *reader) article(input string, a dyad.Article, err error) {
	if err == nil {
		a, err = finish(a, r.opts.Published)
	}
	if err != nil {
		r.fail(input, err)
		return
	}
	r.send(Item{Input: input, Article: a})
}

// format is the kind of content an input holds.
type format int

const (
	formatUnknown format = iota // decided by sniffing the content
	formatText
	formatHTML
	formatJSONL
	formatFeed
)

var extFormats = map[string]format{
	".txt": formatText, ".text": formatText,
	".html": formatHTML, ".htm": formatHTML,
	".jsonl": formatJSONL, ".ndjson": formatJSONL,
	".xml": formatFeed, ".rss": formatFeed, ".atom": formatFeed,
}

func formatOf(path string) format {
	return extFormats[strings.ToLower(filepath.Ext(path))]
}

// sniffLen is how much of an input sniffing looks at; the root element of a
// feed comes within it even after an XML declaration and a stylesheet.
const sniffLen = 4096

// sniff decides the format from the content: JSON Lines if the first
// non-space byte is '{', a feed if an <rss>, <feed> or <rdf:RDF> element comes
// near the start, HTML if it starts with '<', else plain text.
func sniff(data []byte) format {
	head := bytes.TrimPrefix(data[:min(len(data), sniffLen)], utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n\f")
	switch {
	case len(head) == 0:
		return formatText
	case head[0] == '{':
		return formatJSONL
	case head[0] != '<':
		return formatText
	}
	lower := bytes.ToLower(head)
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return formatHTML
	}
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		for rest := lower; ; {
			i := bytes.Index(rest, []byte(root))
			if i < 0 {
				break
			}
			// A delimiter after the name, so that <feedback> is no feed.
			if j := i + len(root); j == len(rest) || bytes.IndexByte([]byte(" \t\r\n>/"), rest[j]) >= 0 {
				return formatFeed
			}
			rest = rest[i+len(root):]
		}
	}
	return formatHTML
}

// readPath reads a file or, recursively, a directory.
func (r *reader) readPath(path string) {
	info, err := os.Stat(path)
	if err != nil {
		r.fail(path, fileError(err))
		return
	}
	if info.IsDir() {
		r.readDir(path)
		return
	}
	r.readFile(path, func() (fs.File, error) { return os.Open(path) })
}

// readFile reads the file that open opens, naming it input; its extension
// gives the format.
func (r *reader) readFile(input string, open func() (fs.File, error)) {
	f, err := open()
	if err != nil {
		r.fail(input, fileError(err))
		return
	}
	defer f.Close()
	r.readStream(input, f, formatOf(input))
}

// ReadFS reads every file in fsys with a known extension, as Read reads a
// directory: it is how embedded corpora are read. Inputs are named by their
// path in fsys.
func ReadFS(ctx context.Context, fsys fs.FS, opts Options, emit func(Item)) {
	r := &reader{ctx: ctx, opts: opts.withDefaults(), emit: emit}
	r.walk(fsys, ".", "")
}

// readDir reads the files under root with a known extension.
func (r *reader) readDir(root string) {
	r.walk(os.DirFS(root), root, root)
}

// walk reads the files of fsys with a known extension, in lexical order,
// skipping hidden files and directories, naming each input by joining
// prefix and its path. Symbolic links to files are read; those to
// directories are not followed, so a walk cannot loop.
func (r *reader) walk(fsys fs.FS, name, prefix string) {
	n := 0
	fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		input := filepath.Join(prefix, filepath.FromSlash(path))
		if err != nil {
			r.fail(input, fileError(err))
			return nil
		}
		if path != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(path) == formatUnknown {
			return nil
		}
		if !d.Type().IsRegular() {
			if info, err := fs.Stat(fsys, path); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		if err := r.ctx.Err(); err != nil {
			r.fail(input, err)
			return fs.SkipAll
		}
		n++
		r.guard(input, func() {
			r.readFile(input, func() (fs.File, error) { return fsys.Open(path) })
		})
		return nil
	})
	if n == 0 && r.ctx.Err() == nil {
		r.fail(name, errors.New("no files to read (.txt .text .html .htm .jsonl .ndjson .xml .rss .atom)"))
	}
}

// readStream reads a file or stdin. JSON Lines are streamed, so that a dump
// larger than MaxBytes can be read line by line; everything else is read
// whole, up to MaxBytes.
func (r *reader) readStream(input string, rd io.Reader, f format) {
	br := bufio.NewReaderSize(rd, sniffLen)
	head, _ := br.Peek(sniffLen)
	// NUL bytes mean binary or UTF-16, which parse sorts out.
	if (f == formatJSONL || f == formatUnknown && sniff(head) == formatJSONL) && bytes.IndexByte(head, 0) < 0 {
		r.readJSONL(input, br)
		return
	}
	data, err := readLimited(br, r.opts.MaxBytes)
	if err != nil {
		r.fail(input, err)
		return
	}
	r.parse(input, f, data, "", nil)
}

// parse reads an input held in memory. contentType is the HTTP Content-Type,
// if any; base is the URL it was fetched from, if any.
func (r *reader) parse(input string, f format, data []byte, contentType string, base *url.URL) {
	data, f, contentType, err := prepare(data, f, contentType)
	if err != nil {
		r.fail(input, err)
		return
	}
	switch f {
	case formatJSONL:
		r.readJSONL(input, bytes.NewReader(data))
	case formatFeed:
		r.readFeed(input, data, base)
	default:
		a, err := parseArticle(f, data, contentType, base)
		r.article(input, a, err)
	}
}

// prepare checks an input and decides its format. It converts UTF-16 to
// UTF-8 and drops a byte order mark; since a BOM decides the encoding, the
// content type returned then says UTF-8 (only its charset matters further
// on).
func prepare(data []byte, f format, contentType string) ([]byte, format, string, error) {
	data, bom := decodeBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, f, "", errEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, f, "", errBinary
	}
	if f == formatUnknown {
		f = sniff(data)
	}
	if bom {
		contentType = "text/plain; charset=utf-8"
	}
	return data, f, contentType, nil
}

// parseArticle parses an input holding one article: plain text or an HTML
// page. The URL it was fetched from, if any, is the article's URL, since
// that is where its bytes came from; a page's canonical URL may name another
// outlet's original of a syndicated copy.
func parseArticle(f format, data []byte, contentType string, base *url.URL) (a dyad.Article, err error) {
	if f == formatHTML {
		a, err = parseHTML(data, contentType, base, false)
	} else {
		a, err = parseText(data, contentType)
	}
	if base != nil {
		a.URL = base.String()
	}
	return a, err
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeBOM returns data as UTF-8 without a byte order mark, and whether
// there was one.
func decodeBOM(data []byte) ([]byte, bool) {
	if bytes.HasPrefix(data, utf8BOM) {
		return data[len(utf8BOM):], true
	}
	if len(data) < 2 {
		return data, false
	}
	var end unicode.Endianness
	switch {
	case data[0] == 0xFF && data[1] == 0xFE:
		end = unicode.LittleEndian
	case data[0] == 0xFE && data[1] == 0xFF:
		end = unicode.BigEndian
	default:
		return data, false
	}
	out, err := unicode.UTF16(end, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return data, false
	}
	return out, true
}

// finish completes an article the same way for every format: text and
// metadata cleaned, outlet defaulting to the URL's host, the publication date
// to Options.Published, the ID derived from the text.
func finish(a dyad.Article, published time.Time) (dyad.Article, error) {
	a.Text = strings.TrimSpace(strings.ReplaceAll(validText(a.Text), "\r\n", "\n"))
	if a.Text == "" {
		return dyad.Article{}, errNoText
	}
	for _, s := range []*string{&a.URL, &a.Outlet, &a.Title, &a.Byline, &a.Lang} {
		*s = oneLine(validText(*s))
	}
	if a.Outlet == "" {
		a.Outlet = hostOf(a.URL)
	}
	if a.Published.IsZero() {
		a.Published = published
	}
	a.ID = ArticleID(a.Text)
	return a, nil
}

// validText makes s valid UTF-8 without NUL characters, which databases
// refuse in text.
func validText(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// oneLine folds every run of white space, line breaks included, to a space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// hostOf is the host of an http(s) URL without port and "www.", or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// Reasons for failures.
var (
	errEmpty   = errors.New("empty input")
	errBinary  = errors.New("binary content, not text")
	errNotUTF8 = errors.New("not valid UTF-8")
	errNoText  = errors.New("no text")
	errNoFile  = errors.New("no such file")
)

// limitError says that an input, or a line of one, holds more than max
// bytes.
type limitError struct{ max int64 }

func (e *limitError) Error() string {
	size := fmt.Sprintf("%d bytes", e.max)
	switch {
	case e.max%(1<<20) == 0:
		size = fmt.Sprintf("%d MiB", e.max>>20)
	case e.max%(1<<10) == 0:
		size = fmt.Sprintf("%d KiB", e.max>>10)
	}
	return fmt.Sprintf("larger than the %s limit", size)
}

// readLimited reads all of rd, or fails if it holds more than max bytes.
func readLimited(rd io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &limitError{max}
	}
	return data, nil
}

// fileError says why a file cannot be read without repeating its path, which
// the Item names already.
func fileError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errNoFile
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// lineError is an error whose message was folded to one line.
type lineError struct {
	msg string
	err error
}

func (e *lineError) Error() string { return e.msg }
func (e *lineError) Unwrap() error { return e.err }

// oneLineError returns err with a message of one line of valid UTF-8; errors
// of parsers may quote the input.
func oneLineError(err error) error {
	msg := err.Error()
	if !strings.ContainsAny(msg, "\r\n") && utf8.ValidString(msg) && !strings.Contains(msg, "\x00") {
		return err
	}
	return &lineError{msg: oneLine(validText(msg)), err: err}
}
