import io

import torch


def load_checkpoint(path, device):
    # expect: py-torch-load-unsafe
    state = torch.load(path, map_location=device)
    return state


def load_full_model(uploaded_file):
    # expect: py-torch-load-unsafe
    return torch.load(uploaded_file, weights_only=False)


def load_from_blob(blob: bytes):
    # expect: py-torch-load-unsafe
    return torch.load(io.BytesIO(blob), map_location="cpu")
