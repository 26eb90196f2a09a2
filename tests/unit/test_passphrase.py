from ungedesk.domain.passphrase import MIN_LENGTH, assess


def test_short_and_guessable_are_refused_with_danish_hint() -> None:
    short = assess("kort")
    assert not short.acceptable and str(MIN_LENGTH) in short.hint
    guessable = assess("password1234")
    assert not guessable.acceptable and "gætte" in guessable.hint
    own_name = assess("AnneBjerregaard", ("Anne Bjerregaard",))
    assert not own_name.acceptable
    related = ("Anne Bjerregaard", "ABJ", "Jobcenter, Ungeteamet")
    for phrase in ("Anne Bjerregaard 2026", "AnneBjerregaard2026!", "anne bjerregaard ungeteamet"):
        verdict = assess(phrase, related)
        assert not verdict.acceptable, phrase
        assert "navn" in verdict.hint or "gætte" in verdict.hint


def test_random_words_are_accepted() -> None:
    good = assess("grøn kaffe tager toget til Ribe", ("Anne Bjerregaard", "ABJ"))
    assert good.acceptable and good.score >= 3 and good.label in {"Stærk", "Meget stærk"}


def test_empty() -> None:
    assert not assess("").acceptable
