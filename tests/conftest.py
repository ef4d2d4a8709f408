from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def scrambled_shuffle():
    """A shuffle that meets groups in the opposite order and each group's members reversed, as
    a cluster engine may: results must not depend on either."""
    from newsledger.shuffle import group_in_memory

    def shuffle(fn, keyed, min_size=2):
        return group_in_memory(fn, list(keyed)[::-1], min_size)  # groups and members both meet reversed

    return shuffle
