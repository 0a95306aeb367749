package source

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dyad"

	"github.com/mmcdole/gofeed"
)

// readFeed reads an RSS, Atom or JSON feed, one article per item, naming
// each "input#N". base is the URL the feed was fetched from, if any, to
// resolve relative links against.
func (r *reader) readFeed(input string, data []byte, base *url.URL) {
	feed, err := parseFeed(data)
	if err != nil {
		r.fail(input, fmt.Errorf("invalid feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		r.fail(input, errors.New("feed has no items"))
		return
	}
	for i, item := range feed.Items {
		name := input + "#" + strconv.Itoa(i+1)
		if err := r.ctx.Err(); err != nil {
			r.fail(name, err)
			return
		}
		a, err := r.feedItem(feed, item, base)
		r.article(name, a, err)
	}
}

// parseFeed is gofeed, which has panicked on odd input.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer catch("feed parser", &err)
	return gofeed.NewParser().Parse(bytes.NewReader(data))
}

// feedItem is the article of one feed item: its content, else its
// description, as text; or with Follow the page it links to.
func (r *reader) feedItem(feed *gofeed.Feed, item *gofeed.Item, base *url.URL) (dyad.Article, error) {
	a := dyad.Article{
		URL:    resolve(base, item.Link),
		Title:  item.Title,
		Outlet: feed.Title,
		Lang:   feed.Language,
	}
	var names []string
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	a.Byline = strings.Join(names, ", ")
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t != nil && plausible(*t) {
			a.Published = *t
			break
		}
	}

	if r.opts.Follow {
		if a.URL == "" {
			return dyad.Article{}, errors.New("item has no link to follow")
		}
		page, err := r.follow(a.URL)
		if err != nil {
			return dyad.Article{}, err
		}
		// The item knows its title and date; the page knows best its
		// outlet, author and language, and where it was read.
		page.Title = first(a.Title, page.Title)
		if !a.Published.IsZero() {
			page.Published = a.Published
		}
		return merge(page, a), nil
	}

	content := first(item.Content, item.Description)
	if content == "" {
		return dyad.Article{}, errNoText
	}
	h, err := parseHTML([]byte(content), "text/html; charset=utf-8", base, true)
	if err != nil {
		return dyad.Article{}, err
	}
	a.Text = h.Text
	return a, nil
}

// follow fetches the page a feed item links to and extracts its article.
func (r *reader) follow(link string) (dyad.Article, error) {
	page, err := r.fetch(link)
	if err != nil {
		return dyad.Article{}, err
	}
	data, f, contentType, err := prepare(page.data, page.format, page.contentType)
	if err != nil {
		return dyad.Article{}, err
	}
	switch f {
	case formatFeed:
		return dyad.Article{}, errors.New("linked page is a feed, not an article")
	case formatJSONL:
		return dyad.Article{}, errors.New("linked page is JSON Lines, not an article")
	}
	return parseArticle(f, data, contentType, page.url)
}

// resolve makes a link absolute against base, if there are both.
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	u, err := url.Parse(link)
	if link == "" || base == nil || err != nil {
		return link
	}
	return base.ResolveReference(u).String()
}
