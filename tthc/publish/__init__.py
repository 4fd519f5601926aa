"""Publishing the catalog for citizens: a static site (site.py) and a printable handbook (handbook.py).

Both read the model through :mod:`tthc.publish.present`, so the site, the kiosk screen and
the handbook say the same thing about a procedure, always in Vietnamese.
"""
