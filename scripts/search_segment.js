/* Query segmentation for the search worker (prepended to Material's worker by
   scripts/notes_search.py, which also routes the worker's query through it).

   The index splits Chinese text into words (jieba, at build time); a query must be split
   into the same words before Lunr can match it, and Chinese queries have no spaces.
   Material's own segmenter is greedy and gives up on a run that does not start with an
   index word; this one finds, over the whole run, the split into index words that leaves
   the fewest characters outside any word, and among those the one with the fewest words.
   Then each word gets Lunr's syntax for how it is matched (notesTerm). */

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

// `search` is the worker's Lunr index; called by the worker for every query.
function notesSegment(query, search) {
  notesMatchThePipelines(search)
  var index = search.invertedIndex
  query = query
    // Chinese glued to Latin letters or digits is two words: "p范数" -> "p 范数"
    .replace(/(?<=\p{sc=Han})(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?=\p{sc=Han})/gu, " ")
    .replace(/\p{sc=Han}+/gu, function (run) {
      return notesCut(run, index).join(" ")
    })
  // A query with Lunr's own syntax (+word, -word, word~1, field:word) is left to Lunr
  if (/(^|\s)[+-]|[~^*:]/.test(query)) return query
  var terms = query.split(lunr.tokenizer.separator).filter(Boolean)
  var content = terms.filter(function (term) { return !NOTES_GLUE.has(term.toLowerCase()) })
  if (content.length) terms = content
  return terms.map(function (term, i) {
    return notesTerm(term.toLowerCase(), index, i === terms.length - 1)
  }).join(" ")
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
  return term.length >= 4 ? term + "~1" : term
}

function notesCut(run, index) {
  // best[end]: the best split of run.slice(0, end) as {unknown, words, start}
  var best = [{ unknown: 0, words: 0, start: 0 }]
  for (var end = 1; end <= run.length; end++) {
    for (var start = Math.max(0, end - NOTES_LONGEST_WORD); start < end; start++) {
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
