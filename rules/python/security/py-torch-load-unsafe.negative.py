import torch
from safetensors.torch import load_file


def load_checkpoint(path, device):
    return torch.load(path, map_location=device, weights_only=True)


def load_weights(path):
    return load_file(path)


def save(model, path):
    torch.save(model.state_dict(), path)
