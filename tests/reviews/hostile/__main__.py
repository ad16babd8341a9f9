"""Print the traces of the canary in each corpus file before and after sanitizing: hits (a needle
in one encoding in one readable form) and the distinct places (zip members, PDF forms) holding
them."""

from reviews import files
from tests.reviews.hostile import CORPUS
from tests.reviews.hostile.canary import traces


def _places(found: list[str]) -> int:
    return len({trace.rsplit(": ", 1)[0] for trace in found})


def main() -> None:
    print(f"{'file':5} {'bytes':>7}  {'before: hits':>12} {'places':>6}  {'after: hits':>11}")
    for extension, make in CORPUS.items():
        original = make()
        before, after = traces(original), traces(files.sanitize(original, extension))
        print(
            f"{extension:5} {len(original):>7}  {len(before):>12} {_places(before):>6}  "
            f"{len(after):>11}"
        )


if __name__ == "__main__":
    main()
