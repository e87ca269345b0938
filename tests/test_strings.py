import pytest

from atlas import strings


def test_both_languages_have_the_same_keys():
    ko, en = (set(strings.STRINGS[lang]) for lang in strings.LANGUAGES)
    assert ko - en == set(), f"keys only in Korean: {sorted(ko - en)}"
    assert en - ko == set(), f"keys only in English: {sorted(en - ko)}"


def test_both_languages_use_the_same_fields():
    ko, en = strings.STRINGS["ko"], strings.STRINGS["en"]
    mismatched = {k: (strings.fields_of(ko[k]), strings.fields_of(en[k]))
                  for k in ko if k in en and strings.fields_of(ko[k]) != strings.fields_of(en[k])}
    assert mismatched == {}


def test_missing_key_names_language_and_key():
    with pytest.raises(strings.MissingStringError, match="'nope' for language 'ko'"):
        strings.t("ko", "nope")


def test_number_uses_thousands_separators():
    assert strings.number(138357544) == "138,357,544"
