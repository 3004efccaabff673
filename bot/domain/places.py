"""A place shared as a location, written so anyone can open it: an OpenStreetMap link."""

from __future__ import annotations


def map_link(latitude: float, longitude: float) -> str:
    """https://www.openstreetmap.org/?mlat=51.48160&mlon=-3.17910 (five decimals: about a metre)."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"not a place on Earth: {latitude}, {longitude}")
    return f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
