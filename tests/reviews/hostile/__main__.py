"""Print the traces of the canary in each corpus file before and after sanitizing."""

from reviews import files
from tests.reviews.hostile import CORPUS
from tests.reviews.hostile.canary import traces


def main() -> None:
    print(f"{'file':6} {'bytes':>8} {'traces before':>14} {'after':>6}")
    for extension, make in CORPUS.items():
        original = make()
        clean = files.sanitize(original, extension)
        print(
            f"{extension:6} {len(original):>8} {len(traces(original)):>14} {len(traces(clean)):>6}"
        )


if __name__ == "__main__":
    main()
