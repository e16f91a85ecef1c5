// Minutebook search: answers a query from the prebuilt data in search/data/ (search/shards.py).
// It fetches the manifest and one routing bucket per word. Then either the lunr.js shards that hold
// every word (newest first, stopping as soon as the page of results is certain; or all of them for
// best match when they are few), or, for best match of common words, the words' impact-ordered
// postings block by block until no unread document can enter the page (search/postings.py). Last,
// the stored text of the results it shows. Queries, titles and snippets are put in the page with
// textContent only, never as HTML.
(function () {
  "use strict";
  var root = document.querySelector("[data-mb-search]");
  if (!root || !window.lunr) return;
  var lunr = window.lunr;
  var BASE = root.getAttribute("data-base");
  var SITE = root.getAttribute("data-root");
  var GUIDES = root.getAttribute("data-guides");
  var PAGE = 10;
  var SHARD_BYTES = 300000; // raw shard bytes (about 70 KB gzipped): above it, best match reads the postings
  var AUTO_NEWEST_BYTES = 800000; // for a word ending in * (no postings): above it, best match waits to be asked for
  var form = root.querySelector("form");
  var input = form.elements.q;
  var statusEl = root.querySelector("[data-search-status]");
  var list = root.querySelector("[data-search-results]");
  var more = root.querySelector("[data-search-more]");
  var cache = {};
  var indexes = {};
  var manifest = null;
  var run = 0;
  var current = null;

  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(BASE + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // -- the query -----------------------------------------------------------------------------------
  // Where words split: every space and the hyphen (lunr's own), and the joiners of printed papers —
  // the slash and the Unicode hyphens and dashes — so "users/carers" is found by "carers".
  // search/text.py splits the same way; tests/test_search_parity.py reads this line.
  var SEPARATOR = /[\s\-\/\u2010-\u2015]+/;
  var WORD = new RegExp("[^" + SEPARATOR.source.slice(1, -2) + "]+", "g");
  var JOINED = /[\-\/\u2010-\u2015]/;
  lunr.tokenizer.separator = SEPARATOR;

  var stops = {};
  function isStop(word) {  // lunr.js's own stop-word list
    if (!(word in stops)) stops[word] = !lunr.stopWordFilter(new lunr.Token(word));
    return stops[word];
  }

  function trim(word) { return word.replace(/^\W+/, "").replace(/\W+$/, ""); }
  function stem(word) { return lunr.stemmer(new lunr.Token(word)).toString(); }

  // Words as lunr.js makes them: lower case, split on spaces and hyphens, trimmed, stop words dropped.
  function words(text) {
    var out = [];
    lunr.tokenizer(text).forEach(function (token) {
      var raw = token.toString();
      var prefix = /\*$/.test(raw);
      var word = trim(raw);
      if (!word || (isStop(word) && !prefix)) return;
      out.push({word: word, term: prefix ? word : stem(word), prefix: prefix});
    });
    return out;
  }

  function parse(q) {
    var phrases = [];
    var rest = q.replace(/["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?/g, function (_, phrase) {
      var ws = words(phrase);
      if (ws.length > 1) phrases.push(ws.map(function (w) { return w.term; }));
      return " " + phrase + " ";
    });
    // a joined form typed ("28/16", "2016/17", "users/carers") is the phrase of its parts
    rest.split(/\s+/).forEach(function (piece) {
      if (!JOINED.test(piece)) return;
      var ws = words(piece);
      if (ws.length > 1 && !ws.some(function (w) { return w.prefix; })) phrases.push(ws.map(function (w) { return w.term; }));
    });
    var seen = {};
    var terms = words(rest).filter(function (w) {
      var key = w.term + (w.prefix ? "*" : "");
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
    return {terms: terms, phrases: phrases};
  }

  // -- routing: which shards hold a term --------------------------------------------------------------
  function bucketOf(term) {
    var bounds = manifest.route, lo = 0, hi = bounds.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bounds[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function decodeShards(value) {
    var out = [];
    if (value[0] === "L" || value[0] === "C") {
      var n = 0, listed = [];
      if (value.length > 1) value.slice(1).split(".").forEach(function (d) { n += parseInt(d, 36); listed.push(n); });
      if (value[0] === "L") return listed;
      var absent = {};
      listed.forEach(function (s) { absent[s] = true; });
      for (var s = 0; s < manifest.shards.length; s++) if (!absent[s]) out.push(s);
    } else {
      var bits = atob(value.slice(1));
      for (var i = 0; i < bits.length; i++) {
        var byte = bits.charCodeAt(i);
        for (var b = 0; b < 8; b++) if (byte & (1 << b)) out.push(i * 8 + b);
      }
    }
    return out;
  }

  // The shards that hold a term (or, for a prefix, any term it starts), and an exact term's postings.
  function routeOf(t) {
    var first = bucketOf(t.term), last = t.prefix ? bucketOf(t.term + "\uffff") : first, wanted = [];
    for (var b = first; b <= last; b++) wanted.push(fetchJSON("r/" + b + ".json"));
    return Promise.all(wanted).then(function (buckets) {
      var found = {}, entry = null;
      buckets.forEach(function (bucket) {
        Object.keys(bucket).forEach(function (term) {
          if (term === t.term || (t.prefix && term.lastIndexOf(t.term, 0) === 0)) {
            decodeShards(bucket[term][0]).forEach(function (s) { found[s] = true; });
            if (term === t.term && !t.prefix) entry = bucket[term];
          }
        });
      });
      return {shards: found, entry: entry};
    });
  }

  function candidates(query, filters) {
    return Promise.all(query.terms.map(routeOf)).then(function (routes) {
      query.entries = routes.map(function (r) { return r.entry; });
      var sets = routes.map(function (r) { return r.shards; });
      var kindBit = filters.kind ? 1 << manifest.kinds.indexOf(filters.kind) : 0;
      var committee = filters.committee ? committeeIndex(filters.committee) : null;
      var out = [];
      manifest.shards.forEach(function (s, n) {
        if (!sets.every(function (set) { return set[n]; })) return;
        if (committee !== null && s[0] !== committee) return;
        if (filters.year && String(s[1]) !== filters.year) return;
        if (kindBit && !(s[2] & kindBit)) return;
        out.push(n);
      });
      out.sort(function (a, b) { return manifest.shards[b][3] - manifest.shards[a][3] || b - a; });
      return out;
    });
  }

  function committeeIndex(slug) {
    for (var i = 0; i < manifest.committees.length; i++) if (manifest.committees[i][0] === slug) return i;
    return -2;
  }

  // -- one shard --------------------------------------------------------------------------------------
  function searchShard(n, query, filters) {
    return fetchJSON("s/" + n + ".json").then(function (data) {
      if (!indexes[n]) indexes[n] = lunr.Index.load(data.index);
      var hits = indexes[n].query(function (q) {
        query.terms.forEach(function (t) {
          q.term(t.term, {usePipeline: false, presence: lunr.Query.presence.REQUIRED,
            wildcard: t.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE});
        });
      });
      var out = [];
      hits.forEach(function (hit) {
        var doc = data.docs[+hit.ref];
        var kind = manifest.kinds[doc[3]];
        if (filters.kind && kind !== filters.kind) return;
        out.push({shard: n, ref: hit.ref, score: hit.score, title: doc[0], url: doc[1], date: doc[2], kind: kind,
          doc: doc[4], committee: manifest.committees[manifest.shards[n][0]]});
      });
      return out;
    });
  }

  function byDate(a, b) { return b.date - a.date || b.score - a.score; }
  function byScore(a, b) { return b.score - a.score || b.date - a.date; }

  // Newest first: read shards from the newest until the wanted results are certain.
  function collectNewest(state, wanted) {
    if (state.next >= state.shards.length) return Promise.resolve();
    var have = state.results.length;
    if (have >= wanted) {
      state.results.sort(byDate);
      var cutoff = state.results[wanted - 1].date;
      if (manifest.shards[state.shards[state.next]][3] < cutoff) return Promise.resolve();
    }
    var n = state.shards[state.next++];
    return searchShard(n, state.query, state.filters).then(function (hits) {
      state.results = state.results.concat(hits);
      return collectNewest(state, wanted);
    });
  }

  // Best match: every shard that holds the words (six at a time).
  function collectAll(state) {
    var batch = state.shards.slice(state.next, state.next + 6);
    if (!batch.length) return Promise.resolve();
    state.next += batch.length;
    return Promise.all(batch.map(function (n) { return searchShard(n, state.query, state.filters); }))
      .then(function (lists) {
        lists.forEach(function (hits) { state.results = state.results.concat(hits); });
        if (state.next < state.shards.length) {
          say("Reading " + state.next + " of " + state.shards.length + " parts of the index…");
        }
        return collectAll(state);
      });
  }

  // -- best match from the postings --------------------------------------------------------------------
  // Each word's list gives (document, impact) best first, in blocks; a document's score is the sum of
  // its impacts over the words (in thousandths) / sqrt(number of words), as lunr.js scores it. Blocks
  // are read, the list with the highest unread impact first, until the wanted results are certain:
  // each has every word's impact, and beats the best that any document not yet complete could reach.
  // When the documents still in doubt are few (a rare word with common ones), the shards that hold
  // them are searched instead, if that costs fewer bytes than the next block: lunr.js gives their
  // whole score at once (the same sum, shard weights being the archive's).
  function Ranking(entries, filters) {
    var committee = filters.committee ? committeeIndex(filters.committee) : null;
    this.passes = function (doc) {
      var chunk = Math.floor(doc / manifest.slots), s = manifest.shards[chunkShard[chunk]];
      return (committee === null || s[0] === committee) && (!filters.year || String(s[1]) === filters.year) &&
        (!filters.kind || manifest.kinds[chunkKind[chunk]] === filters.kind);
    };
    this.n = entries.length;
    this.query = null;  // set by the caller: the query, for searching shards
    this.searched = {};
    this.docs = {};  // documents seen in some lists, not yet in all
    this.finished = {};  // documents whose whole score is known (from every list, or from a shard)
    this.complete = [];
    this.ranked = [];
    this.done = false;
    var self = this;
    this.lists = entries.map(function (e, i) {
      var list = {entry: e, blocks: e.length > 2 ? 1 + e[4].length : 1, loaded: 0, read: 0,
        total: e.length > 2 ? e[2] : e[1].length / 2};
      self.take(list, i, e[1]);
      return list;
    });
  }

  Ranking.prototype.threshold = function (list) {  // the highest unread impact; -1 when all is read
    return list.loaded < list.blocks ? list.entry[4][list.loaded - 1] : -1;
  };

  Ranking.prototype.take = function (list, i, flat) {
    var impact = 0;
    for (var k = 0; k < flat.length; k += 2) {
      impact = k ? impact - flat[k + 1] : flat[k + 1];
      var doc = flat[k];
      if (this.finished[doc] || !this.passes(doc)) continue;
      var rec = this.docs[doc];
      if (!rec) rec = this.docs[doc] = {doc: doc, impacts: [], known: 0, sum: 0};
      if (rec.impacts[i] !== undefined) continue;
      rec.impacts[i] = impact;
      rec.known++;
      rec.sum += impact;
      if (rec.known === this.n) { this.complete.push(rec); this.finished[doc] = true; delete this.docs[doc]; }
    }
    list.loaded++;
    list.read += flat.length / 2;
  };

  // A shard's hits are documents with every word: complete, with their exact sums.
  Ranking.prototype.takeShard = function (n, hits) {
    var self = this, scale = 1000 * Math.sqrt(this.n), found = {};
    this.searched[n] = true;
    hits.forEach(function (hit) {
      var doc = hit.doc;
      found[doc] = true;
      delete self.docs[doc];
      if (self.finished[doc] || !self.passes(doc)) return;
      self.finished[doc] = true;
      self.complete.push({doc: doc, sum: Math.round(hit.score * scale)});
    });
    Object.keys(this.docs).forEach(function (key) {  // in the shard but not among its hits: not every word
      if (chunkShard[Math.floor(key / manifest.slots)] === n && !found[key]) delete self.docs[key];
    });
  };

  // Read blocks until `count` results are certain, or every possible one is known.
  Ranking.prototype.settle = function (count) {
    var self = this, lists = this.lists;
    var exhausted = lists.some(function (l) { return self.threshold(l) < 0; });
    var bound = exhausted ? -1 : lists.reduce(function (sum, l) { return sum + self.threshold(l); }, 0);
    var bounds = {};
    Object.keys(this.docs).forEach(function (key) {
      var rec = self.docs[key], b = rec.sum;
      for (var i = 0; i < lists.length; i++) {
        if (rec.impacts[i] !== undefined) continue;
        var t = self.threshold(lists[i]);
        if (t < 0) { delete self.docs[key]; return; }  // not in a list read to the end: never a result
        b += t;
      }
      bounds[key] = b;
      if (b > bound) bound = b;
    });
    this.complete.sort(function (a, b) { return b.sum - a.sum || a.doc - b.doc; });
    var certain = 0;
    while (certain < this.complete.length && this.complete[certain].sum > bound) certain++;
    if (bound < 0) certain = this.complete.length;
    this.done = bound < 0;
    var scale = 1000 * Math.sqrt(this.n);
    for (var r = this.ranked.length; r < certain; r++) {
      var doc = this.complete[r].doc, chunk = Math.floor(doc / manifest.slots);
      this.ranked.push({doc: doc, score: this.complete[r].sum / scale, chunk: chunk, shard: chunkShard[chunk],
        kind: manifest.kinds[chunkKind[chunk]], committee: manifest.committees[manifest.shards[chunkShard[chunk]][0]]});
    }
    if (this.done || certain >= count) return Promise.resolve();
    // the next block: of a list that one block ends (ending a list rules out every document not in it),
    // else of the list with the highest unread impact
    var next = null, shortest = null;
    lists.forEach(function (l) {
      if (self.threshold(l) < 0) return;
      if (!next || self.threshold(l) > self.threshold(next)) next = l;
      if (l.total - l.read <= manifest.blocks[1] && (!shortest || l.total - l.read < shortest.total - shortest.read)) shortest = l;
    });
    next = shortest || next;
    // the shards of the documents in doubt that could still make the page, and what they would cost
    var kth = this.complete.length >= count ? this.complete[count - 1].sum : -1, wanted = {}, shardBytes = 0;
    Object.keys(bounds).forEach(function (key) {
      var n = chunkShard[Math.floor(key / manifest.slots)];
      if (bounds[key] >= kth && !wanted[n] && !self.searched[n]) { wanted[n] = true; shardBytes += manifest.shards[n][4]; }
    });
    var shards = Object.keys(wanted).map(Number);
    var entries = Math.min(next.total - next.read, manifest.blocks[1] * Math.pow(4, next.loaded - 1));
    if (shards.length && shardBytes / manifest.costs[1] < entries * manifest.costs[0]) {  // gzipped bytes
      return Promise.all(shards.map(function (n) { return searchShard(n, self.query, {}); })).then(function (lists) {
        shards.forEach(function (n, k) { self.takeShard(n, lists[k]); });
        return self.settle(count);
      });
    }
    var i = lists.indexOf(next);
    return fetchJSON("p/" + next.entry[3] + "-" + next.loaded + ".json").then(function (flat) {
      self.take(next, i, flat);
      return self.settle(count);
    });
  };

  function collectRanked(state, wanted) {
    return loadChunks().then(function () { return state.ranking.settle(wanted); }).then(function () {
      state.results = state.ranking.ranked.slice();
    });
  }

  // -- stored text: snippets and phrases --------------------------------------------------------------
  function segmentsOf(result) {
    var slot = result.doc % manifest.slots;
    return fetchJSON("t/" + Math.floor(result.doc / manifest.slots) + ".json").then(function (chunk) {
      var entry = chunk[slot];
      if (result.title === undefined) {  // a result from the postings: its title, address and date
        result.title = entry[0];
        result.url = entry[1];
        result.date = entry[2];
      }
      return entry[4];
    });
  }

  function tokensOf(text) {
    var out = [], re = new RegExp(WORD.source, "g"), m;
    while ((m = re.exec(text))) {
      var word = trim(m[0].toLowerCase());
      out.push({start: m.index, end: m.index + m[0].length, word: word, term: word && !isStop(word) ? stem(word) : ""});
    }
    return out;
  }

  function matches(token, terms) {
    return token.term && terms.some(function (t) {
      return t.prefix ? token.word.lastIndexOf(t.term, 0) === 0 || token.term.lastIndexOf(t.term, 0) === 0
        : token.term === t.term;
    });
  }

  function phraseAt(tokens, phrase) {
    var seq = tokens.filter(function (t) { return t.term; });
    for (var i = 0; i + phrase.length <= seq.length; i++) {
      var ok = true;
      for (var j = 0; j < phrase.length && ok; j++) ok = seq[i + j].term === phrase[j];
      if (ok) return seq[i].start;
    }
    return -1;
  }

  // The segment to show and link to: the first holding a phrase, else the one with most matches.
  function bestSegment(segments, query) {
    var best = null;
    segments.forEach(function (seg) {
      var tokens = tokensOf(seg[1]);
      var phraseOk = query.phrases.every(function (p) { return phraseAt(tokens, p) >= 0; });
      var hits = tokens.filter(function (t) { return matches(t, query.terms); });
      var distinct = {};
      hits.forEach(function (t) { distinct[t.term] = true; });
      var score = (phraseOk && query.phrases.length ? 100000 : 0) + Object.keys(distinct).length * 100 + hits.length;
      if (!best || score > best.score) best = {anchor: seg[0], text: seg[1], tokens: tokens, score: score, phraseOk: phraseOk};
    });
    return best;
  }

  function hasPhrases(result, segments, query) {
    if (!query.phrases.length) return true;
    var all = tokensOf([result.title].concat(segments.map(function (s) { return s[1]; })).join("\n"));
    return query.phrases.every(function (p) { return phraseAt(all, p) >= 0; });
  }

  function snippet(seg, query) {
    var p = el("p", "mb-search-snippet");
    if (!seg) return p;
    // the 30 words holding the most different query words (then the most matches), a few words before
    var tokens = seg.tokens, WIDTH = 30, best = -1, bestScore = -1;
    for (var i = 0; i < tokens.length; i++) {
      if (!matches(tokens[i], query.terms)) continue;
      var seen = {}, distinct = 0, count = 0;
      for (var j = i; j < Math.min(tokens.length, i + WIDTH - 6); j++) {
        if (!matches(tokens[j], query.terms)) continue;
        count++;
        if (!seen[tokens[j].term]) { seen[tokens[j].term] = true; distinct++; }
      }
      if (distinct * 100 + count > bestScore) { bestScore = distinct * 100 + count; best = i; }
    }
    var from = Math.max(0, best - 6), to = Math.min(tokens.length, from + WIDTH);
    if (from > 0) p.appendChild(document.createTextNode("… "));
    var pos = from < tokens.length ? tokens[from].start : 0;
    for (var k = from; k < to; k++) {
      var t = tokens[k];
      if (matches(t, query.terms)) {
        p.appendChild(document.createTextNode(seg.text.slice(pos, t.start)));
        p.appendChild(el("mark", "", seg.text.slice(t.start, t.end)));
        pos = t.end;
      }
    }
    var end = to < tokens.length ? tokens[to - 1].end : seg.text.length;
    p.appendChild(document.createTextNode(seg.text.slice(pos, end).replace(/\s+/g, " ") + (to < tokens.length ? " …" : "")));
    return p;
  }

  // -- showing results --------------------------------------------------------------------------------
  function say(text) { statusEl.textContent = text; }

  function formatDate(ymd) {
    var d = new Date(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100 - 1, ymd % 100);
    return d.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }

  function href(result, seg) {
    var page = result.url.split("#")[0];
    var anchor = seg && seg.anchor ? "#" + seg.anchor : (result.url.indexOf("#") >= 0 ? "#" + result.url.split("#")[1] : "");
    return SITE + page + anchor;
  }

  function render(result, seg, query) {
    var li = el("li", "mb-search-result");
    li.setAttribute("data-score", result.score.toFixed(6));
    li.setAttribute("data-url", result.url);
    var h = el("h2", "mb-search-result__title");
    var a = el("a", "", result.title);
    a.href = href(result, seg);
    h.appendChild(a);
    li.appendChild(h);
    var meta = [manifest.labels.kinds[result.kind] || result.kind, result.committee ? result.committee[1] : "", formatDate(result.date)];
    li.appendChild(el("p", "mb-search-result__meta", meta.filter(Boolean).join(" · ")));
    li.appendChild(snippet(seg, query));
    return li;
  }

  // Fill the list up to `wanted` results: phrases checked against the stored text on the way.
  function showUpTo(state, wanted, id) {
    var order = state.sort === "newest" ? byDate : byScore;
    if (!state.ranking) state.results.sort(order);  // the postings' results come ranked
    function step() {
      if (id !== run) return Promise.resolve();
      if (state.shown.length >= wanted) return Promise.resolve();
      if (state.pos >= state.results.length) {
        if (!state.ranking || state.ranking.done) return Promise.resolve();
        return collectRanked(state, state.pos + wanted - state.shown.length).then(step);
      }
      var batch = state.results.slice(state.pos, state.pos + (wanted - state.shown.length));
      state.pos += batch.length;
      return Promise.all(batch.map(segmentsOf)).then(function (segsList) {
        if (id !== run) return;
        batch.forEach(function (result, i) {
          var segs = segsList[i];
          if (!hasPhrases(result, segs, state.query)) { state.rejected++; return; }
          state.shown.push(result);
          list.appendChild(render(result, bestSegment(segs, state.query), state.query));
        });
        return step();
      });
    }
    return step();
  }

  function finishStatus(state) {
    var total = state.results.length - state.rejected;
    var certain = state.ranking ? state.ranking.done && state.pos >= state.results.length
      : state.next >= state.shards.length && state.pos >= state.results.length;
    var text;
    if (!state.shown.length) {
      text = "No results for “" + state.q + "”.";
    } else if (state.ranking && !certain) {
      var one = state.ranking.n === 1 && !state.query.phrases.length && !state.filters.committee && !state.filters.year &&
        !state.filters.kind;  // one word, nothing to check: its list's length is the count
      text = (one ? state.ranking.lists[0].total + " results" : "The best " + state.shown.length + " results") +
        " for “" + state.q + "”, best match first.";
    } else if (state.sort === "newest" && state.next < state.shards.length) {
      text = "Newest " + state.shown.length + " results for “" + state.q + "”, newest first.";
    } else {
      text = (certain || !state.query.phrases.length ? total : "At least " + state.shown.length) + " result" +
        (total === 1 ? "" : "s") + " for “" + state.q + "”, " +
        (state.sort === "newest" ? "newest first." : "best match first.");
    }
    if (state.auto) text += " This word is very common, so the newest come first; choose “Best match” to rank them all.";
    say(text);
    more.hidden = !(state.pos < state.results.length || (state.sort === "newest" && state.next < state.shards.length) ||
      (state.ranking && !state.ranking.done));
  }

  function search(params) {
    var id = ++run;
    list.textContent = "";
    more.hidden = true;
    var q = (params.get("q") || "").trim();
    if (!q) { say(""); return Promise.resolve(); }
    var filters = {committee: params.get("committee") || "", year: params.get("year") || "", kind: params.get("kind") || ""};
    var query = parse(q);
    if (!query.terms.length) { say("Type a word to search for (small words such as “the” are not searched)."); return Promise.resolve(); }
    say("Searching for “" + q + "”…");
    var started = performance.now();
    return loadManifest().then(function () { return candidates(query, filters); }).then(function (shards) {
      if (id !== run) return;
      var bytes = shards.reduce(function (sum, n) { return sum + manifest.shards[n][4]; }, 0);
      var exact = query.entries.every(function (e) { return e; });  // no word ending in *
      var sort = params.get("sort") || (bytes > AUTO_NEWEST_BYTES && !exact ? "newest" : "relevance");
      var state = {q: q, query: query, filters: filters, shards: shards, next: 0, results: [], shown: [], pos: 0,
        rejected: 0, sort: sort, auto: !params.get("sort") && sort === "newest"};
      current = state;
      var collect;
      if (sort === "newest") collect = collectNewest(state, PAGE);
      else if (bytes > SHARD_BYTES && exact) {
        collect = loadChunks().then(function () {
          state.ranking = new Ranking(query.entries, filters);
          state.ranking.query = query;
          return collectRanked(state, PAGE);
        });
      } else collect = collectAll(state);
      return collect.then(function () { return showUpTo(state, PAGE, id); }).then(function () {
        if (id !== run) return;
        finishStatus(state);
        root.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
        root.setAttribute("data-search-done", String(id));
        return guides(query, id);
      });
    }).catch(function (error) {
      if (id === run) say("Search is not available just now (" + error.message + "). Try again, or browse by committee.");
    });
  }

  more.addEventListener("click", function () {
    var state = current, id = run;
    if (!state) return;
    var wanted = state.shown.length + PAGE;
    var collect = state.sort === "newest" ? collectNewest(state, state.pos + PAGE) : Promise.resolve();
    collect.then(function () { return showUpTo(state, wanted, id); }).then(function () {
      if (id !== run) return;
      finishStatus(state);
      root.setAttribute("data-search-done", String(id));
    });
  });

  // -- the static guides (Material's index of docs/ pages, small): shown after the archive's results --
  function guides(query, id) {
    if (!GUIDES) return;
    return fetch(GUIDES).then(function (r) { return r.ok ? r.json() : {docs: []}; }).then(function (data) {
      if (id !== run) return;
      var found = [];
      (data.docs || []).forEach(function (doc) {
        if (doc.location.indexOf("#") >= 0 || found.length >= 5) return;
        var text = new DOMParser().parseFromString(doc.title + " " + doc.text, "text/html").body.textContent;
        var tokens = tokensOf(text);
        if (query.terms.every(function (t) { return tokens.some(function (tok) { return matches(tok, [t]); }); })) {
          found.push(doc);
        }
      });
      if (!found.length) return;
      var li = el("li", "mb-search-result mb-search-guides");
      li.appendChild(el("h2", "mb-search-result__title", "In the guides"));
      var ul = el("ul");
      found.forEach(function (doc) {
        var a = el("a", "", new DOMParser().parseFromString(doc.title, "text/html").body.textContent);
        a.href = SITE + doc.location;
        var item = el("li");
        item.appendChild(a);
        ul.appendChild(item);
      });
      li.appendChild(ul);
      list.appendChild(li);
    }).catch(function () {});
  }

  // -- the form, the address bar and the back button -----------------------------------------------
  function loadManifest() {
    return fetchJSON("manifest.json").then(function (m) {
      if (!manifest) { manifest = m; fillFacets(); }
      return m;
    });
  }

  var chunkShard = [], chunkKind = [];  // for each store chunk: its shard and its documents' kind
  function loadChunks() {
    return fetchJSON("chunks.json").then(function (counts) {
      if (chunkShard.length) return;
      counts.forEach(function (perKind, n) {
        perKind.forEach(function (chunks, kind) {
          for (var c = 0; c < chunks; c++) { chunkShard.push(n); chunkKind.push(kind); }
        });
      });
    });
  }

  function option(select, value, label) {
    var o = el("option", "", label);
    o.value = value;
    select.appendChild(o);
  }

  function fillFacets() {
    manifest.committees.forEach(function (c) { option(form.elements.committee, c[0], c[1]); });
    var years = {};
    manifest.shards.forEach(function (s) { years[s[1]] = true; });
    Object.keys(years).sort().reverse().forEach(function (y) {
      option(form.elements.year, y, y + "/" + String((+y + 1) % 100).padStart(2, "0"));
    });
    manifest.kinds.forEach(function (k) { option(form.elements.kind, k, manifest.labels.kinds[k] || k); });
    fromAddress();
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    ["q", "committee", "year", "kind", "sort"].forEach(function (name) {
      form.elements[name].value = params.get(name) || "";
    });
    return params;
  }

  function paramsOfForm() {
    var params = new URLSearchParams();
    ["q", "committee", "year", "kind", "sort"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    return params;
  }

  function submit(event) {
    if (event) event.preventDefault();
    var params = paramsOfForm();
    var address = "?" + params.toString();
    if (address !== location.search) history.pushState(null, "", address);
    search(params);
  }

  form.addEventListener("submit", submit);
  ["committee", "year", "kind", "sort"].forEach(function (name) {
    form.elements[name].addEventListener("change", function () { if (input.value.trim()) submit(); });
  });
  window.addEventListener("popstate", function () { search(fromAddress()); });

  var initial = fromAddress();
  if (initial.get("q")) search(initial); else loadManifest().catch(function () {});
  root.classList.add("mb-search--ready");
})();
