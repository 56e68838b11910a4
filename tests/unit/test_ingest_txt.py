from reconcile.ingest import ReadFailure, parse_txt, read_path


def test_seed_header_is_parsed_and_offsets_start_after_it(seed):
    assert seed.source == "ABC News"
    assert seed.published.isoformat() == "2024-10-21"
    assert seed.text.startswith("(LONDON)")


def test_jsonl_broken_line_keeps_good_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "a", "text": "5 troops"}\n{broken\n{"id": "b", "text": "6 troops"}\n')
    items = list(read_path(p))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]
    assert "broken JSON" in items[1].error


def test_empty_txt_is_a_failure_not_an_exception(tmp_path):
    p = tmp_path / "e.txt"
    p.write_text("")
    [item] = read_path(p)
    assert isinstance(item, ReadFailure)


def test_header_only_lines_without_blank_line_are_text():
    a = parse_txt("Title: Not a header because no blank line follows", "z")
    assert a.title is None and a.text.startswith("Title:")
