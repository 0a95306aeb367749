package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// fetched is a response read in full.
type fetched struct {
	data        []byte
	contentType string
	format      format   // as the content type says; formatUnknown to sniff
	url         *url.URL // after redirects
}

// readURL reads the page, feed or file at an http(s) URL.
func (r *reader) readURL(input string) {
	page, err := r.fetch(input)
	if err != nil {
		r.fail(input, err)
		return
	}
	r.parse(input, page.format, page.data, page.contentType, page.url)
}

// fetch gets an http(s) URL that robots.txt allows, within the size,
// time and redirect limits.
func (r *reader) fetch(raw string) (*fetched, error) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return nil, fmt.Errorf("invalid URL: %w", errors.Unwrap(err))
	case !u.IsAbs():
		return nil, fmt.Errorf("not an absolute URL: %q", raw)
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("unsupported URL scheme %q; use http or https", u.Scheme)
	case u.Host == "":
		return nil, errors.New("invalid URL: no host")
	}
	if err := r.robotsAllow(u); err != nil {
		return nil, err
	}
	resp, err := r.get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	page := &fetched{contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL}
	if page.format, err = contentFormat(page.contentType); err != nil {
		return nil, err
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return nil, &limitError{r.opts.MaxBytes}
	}
	if page.data, err = readLimited(resp.Body, r.opts.MaxBytes); err != nil {
		return nil, r.fetchError(err)
	}
	return page, nil
}

// accept states the formats dyad reads, best first.
const accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, " +
	"application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5"

// get sends a GET request for u.
func (r *reader) get(u *url.URL) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := r.client().Do(req)
	if err != nil {
		return nil, r.fetchError(err)
	}
	return resp, nil
}

// client is the HTTP client of a Read call: its limits, and robots.txt
// checked at every redirect.
func (r *reader) client() *http.Client {
	if r.hc == nil {
		t := transports[0]
		if r.opts.AllowPrivate {
			t = transports[1]
		}
		r.hc = &http.Client{
			Transport: t,
			Timeout:   r.opts.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > r.opts.MaxRedirects {
					return fmt.Errorf("stopped after %d redirects", r.opts.MaxRedirects)
				}
				return r.robotsAllow(req.URL)
			},
		}
	}
	return r.hc
}

// transports are shared by all Read calls, for their connection pools: the
// first refuses private addresses, the second allows them.
var transports = [2]*http.Transport{newTransport(false), newTransport(true)}

func newTransport(allowPrivate bool) *http.Transport {
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !allowPrivate {
		d.Control = refusePrivate
	}
	return &http.Transport{
		Proxy:                 nil, // a proxy would hide the address dialled
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// privateError refuses a connection to a private address.
type privateError struct{ ip netip.Addr }

func (e *privateError) Error() string {
	return fmt.Sprintf("refused private address %s; use --allow-private", e.ip)
}

// refusePrivate is a net.Dialer.Control that refuses private addresses. It
// runs on the resolved address of every connection, redirects included, so
// neither a redirect nor a DNS name pointing inside gets past it.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return err
	}
	if isPrivate(ip) {
		return &privateError{ip.WithZone("")}
	}
	return nil
}

var (
	thisNetwork  = netip.MustParsePrefix("0.0.0.0/8")
	sharedSpace  = netip.MustParsePrefix("100.64.0.0/10") // carrier-grade NAT
	nat64Private = netip.MustParsePrefix("64:ff9b:1::/48")
)

// isPrivate reports whether ip is not on the public internet.
func isPrivate(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		thisNetwork.Contains(ip) || sharedSpace.Contains(ip) || nat64Private.Contains(ip)
}

// fetchError says in one short line why a request failed.
func (r *reader) fetchError(err error) error {
	var pe *privateError
	var dns *net.DNSError
	var op *net.OpError
	var ne net.Error
	var ue *url.Error
	switch {
	case errors.As(err, &pe):
		return pe
	case r.ctx.Err() != nil:
		return r.ctx.Err()
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("timed out after %s", r.opts.Timeout)
	case errors.As(err, &dns):
		return fmt.Errorf("unreachable: cannot resolve %s", dns.Name)
	case errors.As(err, &op) && op.Op == "dial":
		return fmt.Errorf("unreachable: %w", op.Err)
	case errors.As(err, &ue):
		return ue.Err
	}
	return err
}

// contentFormat is the format a Content-Type names, formatUnknown when the
// content must be sniffed, or an error for content that is no text.
func contentFormat(contentType string) (format, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return formatUnknown, nil
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return formatHTML, nil
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return formatFeed, nil
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return formatJSONL, nil
	case "text/plain":
		return formatText, nil
	case "application/xml", "application/json", "application/octet-stream":
		return formatUnknown, nil
	}
	if strings.HasPrefix(mt, "text/") {
		return formatUnknown, nil
	}
	return formatUnknown, fmt.Errorf("unsupported content type %s", mt)
}
