"""Shared by the Python handlers through the layer: Lambda puts /opt/python on sys.path."""


def shout(text):
    return text.upper() + "!"
