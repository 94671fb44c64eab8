/* The site's additions to the search worker (prepended to Material's worker by
   scripts/notes/search.py, which routes the worker's query through notesSegment and its
   results through notesShow).

   The index splits Chinese text into words (jieba, at build time); a query must be split
   into the same words before Lunr can match it, and Chinese queries have no spaces.
   Material's own segmenter is greedy and gives up on a run that does not start with an
   index word; this one finds, over the whole run, the split into index words that leaves
   the fewest characters outside any word, and among those the one with the fewest words.
   Then each word gets Lunr's syntax for how it is matched (notesTerm), and dotted API
   names also match the index's whole API words (notesApis). */

var NOTES_LONGEST_WORD = 12
var NOTES_EXACT_BOOST = 4
// Words that only glue a question together; dropped from a query of several words, so
// that "how to save a model" ranks by "save" and "model". Not API names ("where", "all",
// "any", "max" stay).
var NOTES_GLUE = new Set((
  "a an the to of in on at for and or is are be been with from by as it its this that " +
  "how what why when which does do did can could should i my vs into per not no " +
  "的 了 吗 呢 吧 啊 是 和 跟 怎么 怎么办 如何 什么 为什么 为啥 能 会 要 把 被 在 还 一个 怎样 可以 不"
).split(" "))

var NOTES_LUNR_SYNTAX =
  /(^|\s)[+-][^\s\d.+-]|[^\s~]~\d|[^\s^]\^\d|\w\*|(^|\s)\*\w|(^|\s)(title|text|keywords|tags):/u

// `search` is the worker's Lunr index; called by the worker for every query.
function notesSegment(query, search) {
  notesMatchThePipelines(search)
  var index = search.invertedIndex
  var parts = []
  // Dotted names ("torch.where", "F.normalize", "x.view") also as whole API words
  var apis = notesApis(query, index)
  query = query
    // Chinese glued to Latin letters or digits is two words: "p范数" -> "p 范数"
    .replace(/(?<=\p{sc=Han})(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?=\p{sc=Han})/gu, " ")
    .replace(/\p{sc=Han}+/gu, function (run) {
      var words = notesCut(run, index, NOTES_LONGEST_WORD)
      for (var word of words) parts.push(...notesParts(word, index))
      return words.join(" ")
    })
  // A query with Lunr's own syntax (+word, -word, word~1, word^2, word*, field:word) is
  // left to Lunr; code a reader pastes ("view(-1)", "a[..., ::-1]") is not that syntax.
  notesWords = null
  if (NOTES_LUNR_SYNTAX.test(query)) return query
  var terms = query.split(lunr.tokenizer.separator).filter(Boolean)
  var content = terms.filter(function (term) { return !NOTES_GLUE.has(term.toLowerCase()) })
  if (content.length) terms = content
  notesWords = new Set(terms.map(function (term) { return term.toLowerCase() }))
  return terms.map(function (term, i) {
    return notesTerm(term.toLowerCase(), index, i === terms.length - 1)
  }).concat(parts, apis).join(" ")
}

// The smaller index words a word of the query is made of ("通道顺序" -> 通道 顺序), as
// terms of their own, unboosted: jieba cuts the same characters differently in
// different sentences, so a section may hold the parts where the query has the whole.
function notesParts(word, index) {
  if (word.length < 2 || !(word in index)) return []
  var parts = notesCut(word, index, word.length - 1)
  var known = parts.every(function (part) { return part in index })
  return parts.length > 1 && known ? parts : []
}

// The index has each API that a section teaches as one word, dots joined by "·"
// ("f·normalize", "torch·tensor·view": scripts/notes/search.py, api_token). A dotted name
// of the query is looked up whole; a method called on a variable ("x.view", "model.eval")
// matches the APIs whose name ends in that method.
function notesApis(query, index) {
  var found = []
  var names = query.toLowerCase().match(/(?:[a-z_]\w*|\p{sc=Han}+)(?:\.[a-z_]\w*)+/gu) || []
  for (var name of names) {
    var whole = name.split(".").join("\u00b7")
    if (whole in index) { found.push(whole); continue }
    var method = "\u00b7" + name.split(".").pop()
    for (var word in index) if (word.endsWith(method)) found.push(word)
  }
  return found.map(function (word) { return word + "^" + NOTES_EXACT_BOOST })
}

// Lunr runs every query word that has no wildcard through the index's search pipeline.
// Material builds the Chinese index without an English stemmer, but leaves Lunr's
// default one in that pipeline: "logits" would be searched as "logit" and miss.
function notesMatchThePipelines(search) {
  if (typeof lunr.zh !== "undefined") search.pipeline.remove(lunr.stemmer)
}

// How one query word is matched. A word of the index matches itself (boosted), not
// every longer word that starts with it ("torch" would else match "torchvision" in every
// section); the last word, which the reader may still be typing, also matches as a
// prefix, and so does a word that is in no index word ("转" finds 转换). A Latin word
// that starts no index word is taken as a typo: one edit away ("unsqeeze").
function notesTerm(term, index, last) {
  var known = term in index
  if (known && !last) return term + "^" + NOTES_EXACT_BOOST
  var prefixed = false
  for (var word in index)
    if (word !== term && word.startsWith(term)) { prefixed = true; break }
  if (known) return term + "^" + NOTES_EXACT_BOOST + (prefixed ? " " + term + "*" : "")
  if (prefixed || /\p{sc=Han}/u.test(term)) return term + "*"
  return term.length >= 4 ? term + "~1^" + NOTES_EXACT_BOOST : term
}

function notesCut(run, index, longest) {
  // best[end]: the best split of run.slice(0, end) as {unknown, words, start}
  var best = [{ unknown: 0, words: 0, start: 0 }]
  for (var end = 1; end <= run.length; end++) {
    for (var start = Math.max(0, end - longest); start < end; start++) {
      var known = run.slice(start, end) in index
      if (!known && end - start > 1) continue
      var unknown = best[start].unknown + (known ? 0 : 1)
      var words = best[start].words + 1
      var current = best[end]
      if (!current || unknown < current.unknown ||
          (unknown === current.unknown && words < current.words))
        best[end] = { unknown: unknown, words: words, start: start }
    }
  }
  var parts = []
  for (var stop = run.length; stop > 0; stop = best[stop].start)
    parts.unshift(run.slice(best[stop].start, stop))
  return parts
}

// Which sections of a page the result list shows. Material shows a page's sections that
// score at least as much as the page's best result and folds the others under "N more
// on this page": of two sections on one page that both answer a query ("torch.where"
// finds the two-argument and the one-argument form), only the first is seen. Here a
// section that scores at least NOTES_SHOWN of its page's best is shown too (its score
// is raised to that best: Material reads it for nothing else once the list is sorted).
var NOTES_SHOWN = 0.5
function notesShow(results) {
  for (var group of results.items) {
    var best = group[0].score
    for (var result of group) {
      if (result.location.includes("#") && result.score >= NOTES_SHOWN * best)
        result.score = best
      if (notesWords) result.terms = notesReaderTerms(result.terms)
    }
  }
  return results
}

// The words of the last query as the reader typed them (after segmentation), or null
// for a query in Lunr's own syntax; set by notesSegment, read by notesShow.
var notesWords = null

// A result's query terms, as Material shows them: struck out under "Missing:" when the
// section lacks them, and put in the link (?h=) to highlight on the opened page. Only
// the reader's own words are listed, without Lunr's syntax ("where*" -> where); the
// words the worker added are left out ("torch·where", the 照 of 对照), except a part of
// two characters or more that the section has (通道 of 通道顺序), still highlighted.
function notesReaderTerms(terms) {
  var shown = {}
  for (var term in terms) {
    var word = term.replace(/[*~^].*$/, "")
    if (notesWords.has(word)) shown[word] = shown[word] || terms[term]
    else if (terms[term] && word.length > 1 && !word.includes("\u00b7")) shown[word] = true
  }
  return shown
}
