"""model.text: the one normaliser and the Chinese numerals."""

import pytest

from yusuan.model.text import chinese_number, chinese_numeral, cn_number, match_key, squash


def test_match_key_folds_width_quotes_and_spaces():
    assert match_key("“三公” 经费 （万元）") == '"三公"经费(万元)'
    assert squash(" 一、 收 入 ") == "一、收入"


@pytest.mark.parametrize("n", range(1, 100))
def test_ordinals_read_back(n):
    assert chinese_number(chinese_numeral(n)) == n
    assert cn_number(chinese_numeral(n)) == n


def test_numerals_as_printed():
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 21)] == ["一", "十", "十一", "二十", "二十一"]
    assert cn_number("二〇二三") == 2023 and cn_number("三万五千") == 35000
    with pytest.raises(ValueError):
        chinese_numeral(0)
