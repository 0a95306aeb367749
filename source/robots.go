package source

import (
	"errors"
	"io"
	"net/url"
	"strings"
	"sync"
	"time"
)

var errDisallowed = errors.New("disallowed by robots.txt")

const (
	robotsAgent    = "dyad"    // the product token robots.txt groups are matched against
	robotsMaxBytes = 512 << 10 // RFC 9309 asks crawlers to parse at least 500 KiB
	robotsTTL      = time.Hour // how long a host's robots.txt is trusted
	robotsMaxHosts = 4096      // the cache is cleared when it holds this many
)

// robotsCache holds the rules of each scheme://host, so that robots.txt is
// fetched once per host however many pages and Read calls follow.
var robotsCache = struct {
	sync.Mutex
	m map[string]robotsEntry
}{m: map[string]robotsEntry{}}

type robotsEntry struct {
	rules []robotsRule
	at    time.Time
}

// robotsRule is an Allow or Disallow line of the group that applies to dyad.
type robotsRule struct {
	pattern string
	allow   bool
}

// robotsAllow fails with errDisallowed if the robots.txt of u's host
// disallows u.
func (r *reader) robotsAllow(u *url.URL) error {
	if u.EscapedPath() == "/robots.txt" {
		return nil
	}
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	robotsCache.Lock()
	e, ok := robotsCache.m[key]
	robotsCache.Unlock()
	if !ok || time.Since(e.at) > robotsTTL {
		var keep bool
		e = robotsEntry{at: time.Now()}
		e.rules, keep = r.fetchRobots(u)
		if keep {
			robotsCache.Lock()
			if len(robotsCache.m) >= robotsMaxHosts {
				clear(robotsCache.m)
			}
			robotsCache.m[key] = e
			robotsCache.Unlock()
		}
	}
	if !robotsAllows(e.rules, u) {
		return errDisallowed
	}
	return nil
}

// fetchRobots gets the rules for dyad from u's host. A robots.txt that is
// missing, fails or cannot be reached allows everything; if the host is down,
// fetching the page reports it. keep is false when the failure says nothing
// about the host: a cancelled call, or a private address refused.
func (r *reader) fetchRobots(u *url.URL) (rules []robotsRule, keep bool) {
	resp, err := r.get(&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"})
	if err != nil {
		var pe *privateError
		return nil, r.ctx.Err() == nil && !errors.As(err, &pe)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, true
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
	if err != nil && r.ctx.Err() != nil {
		return nil, false
	}
	return parseRobots(string(data), robotsAgent), true
}

// parseRobots returns the rules of the groups for agent, or if there are
// none, of the groups for "*" (RFC 9309). Groups for the same agent merge.
func parseRobots(data, agent string) []robotsRule {
	var own, all []robotsRule
	hasOwn := false
	inAgents := false              // the previous line was a user-agent line
	forOwn, forAny := false, false // the current group applies to agent, to "*"
	for line := range strings.Lines(data) {
		line, _, _ = strings.Cut(line, "#")
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents {
				forOwn, forAny = false, false
			}
			inAgents = true
			name, _, _ := strings.Cut(strings.ToLower(value), "/")
			if name == agent {
				forOwn, hasOwn = true, true
			} else if name == "*" {
				forAny = true
			}
		case "allow", "disallow":
			inAgents = false
			if value == "" {
				continue // an empty rule matches nothing
			}
			rule := robotsRule{pattern: value, allow: key == "allow"}
			if forOwn {
				own = append(own, rule)
			}
			if forAny {
				all = append(all, rule)
			}
		}
	}
	if hasOwn {
		return own
	}
	return all
}

// robotsAllows applies the rule with the longest pattern matching u's path
// and query; on a tie Allow wins; no match allows.
func robotsAllows(rules []robotsRule, u *url.URL) bool {
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range rules {
		n := len(rule.pattern)
		if (n > best || n == best && rule.allow) && robotsMatch(rule.pattern, path) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch reports whether a robots.txt pattern matches a path: it is a
// prefix match, where '*' matches any run of characters and a final '$'
// anchors the end.
func robotsMatch(pattern, path string) bool {
	if p, ok := strings.CutSuffix(pattern, "$"); ok {
		pattern = p
	} else {
		pattern += "*"
	}
	// Wildcard matching that backtracks only to the last '*': linear in
	// practice, never exponential.
	p, s, star, mark := 0, 0, -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			mark++
			p, s = star+1, mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
