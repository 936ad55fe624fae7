"""placeholder"""


def read_persnet(path: str) -> None:  # pragma: no cover
    raise NotImplementedError
