from corroborate_texts import OWN_STORY, REPRINT, THIRD_STORY, WIRE, doc

from claimgraph.corroborate.near_duplicates import clusters, shingles


def test_reprint_with_new_headline_and_two_words_changed_is_one_cluster():
    wire = doc(WIRE, "Reuters", "2020-01-08")
    reprint = doc(REPRINT, "Arab News", "2020-01-09")
    own = doc(OWN_STORY, "The Washington Post", "2020-01-08")
    found = clusters([reprint, own, wire])
    assert found[reprint.id] == found[wire.id] == wire.id  # named by the earliest published
    assert found[own.id] == own.id


def test_undated_cluster_is_named_by_its_smallest_id():
    a, b = doc(WIRE), doc(REPRINT)
    found = clusters([a, b])
    assert found[a.id] == found[b.id] == min(a.id, b.id)


def test_dated_document_names_the_cluster_before_undated_ones():
    undated, dated = doc(WIRE), doc(REPRINT, published="2020-01-09")
    assert clusters([undated, dated])[undated.id] == dated.id


def test_different_stories_stay_apart_and_every_document_is_mapped():
    docs = [doc(WIRE), doc(OWN_STORY), doc(THIRD_STORY), doc("   ")]
    found = clusters(docs)
    assert found == {d.id: d.id for d in docs}


def test_threshold_decides():
    half = WIRE[: len(WIRE) // 2]
    a, b = doc(WIRE), doc(half)  # b is all in a, but a is twice b: Jaccard about 0.5
    assert clusters([a, b])[b.id] == b.id
    assert clusters([a, b], threshold=0.4)[b.id] == clusters([a, b], threshold=0.4)[a.id]


def test_shingles_ignore_case_and_punctuation():
    assert shingles("Iran's Guards FIRED missiles, at the base.") == shingles("irans guards fired missiles at the base")
    assert shingles("too short") == {"too short"}
    assert len(shingles("one two three four five six")) == 2


def test_shingling_a_text_leaves_nothing_in_the_token_cache():
    # ingest shingles every document it writes: a whole text kept per document would grow with the corpus
    from claimgraph.corroborate.near_duplicates import shingles
    from claimgraph.kb.fold import fold

    text = "Militia commanders in Mosul denied on Sunday that Ámir Qasimi had ordered the convoy north. " * 3
    fold.cache_clear()
    assert shingles(text) == shingles(text.upper())
    assert fold.cache_info().currsize == 0
    assert "amir qasimi had ordered the" in shingles(text)
