"""The common-words lexicon (kg/lexicons/common_words.tsv, kg.training.common_words): words the news
writes in lower case, which a one-word name the model alone reads must not be."""
from collections import Counter

from kg.resources import words
from kg.training.common_words import common_words


def test_a_word_written_mostly_in_lower_case_is_common_and_a_name_that_is_a_word_too_is_not():
    lower = Counter({"wartawan": 900, "indah": 300, "budi": 2})
    capital = Counter({"wartawan": 3, "indah": 250, "budi": 400})
    assert common_words(lower, capital) == ["wartawan"]


def test_the_shipped_list_keeps_news_words_and_leaves_names_that_are_words_out():
    shipped = words("common_words")
    assert {"wartawan", "jurnalis", "foto"} <= shipped
    assert not {"indah", "putri", "restu", "agung", "budi", "wahyu"} & shipped
