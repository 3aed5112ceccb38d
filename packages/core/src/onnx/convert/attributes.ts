// Typed access to a node's attributes, with the defaults the ONNX operator specs give.
import type { OnnxGraph, OnnxNode, OnnxTensor } from "../onnx-graph.js";

export function intAttr(node: OnnxNode, name: string, fallback: number): number {
  const attribute = node.attributes.get(name);
  return attribute?.kind === "int" ? attribute.value : fallback;
}

export function intsAttr(node: OnnxNode, name: string): readonly number[] | undefined {
  const attribute = node.attributes.get(name);
  return attribute?.kind === "ints" ? attribute.value : undefined;
}

export function floatAttr(node: OnnxNode, name: string, fallback: number): number {
  const attribute = node.attributes.get(name);
  if (attribute?.kind === "float") return attribute.value;
  if (attribute?.kind === "int") return attribute.value;
  return fallback;
}

export function stringAttr(node: OnnxNode, name: string, fallback: string): string {
  const attribute = node.attributes.get(name);
  return attribute?.kind === "string" ? attribute.value : fallback;
}

export function tensorAttr(node: OnnxNode, name: string): OnnxTensor | undefined {
  const attribute = node.attributes.get(name);
  return attribute?.kind === "tensor" ? attribute.value : undefined;
}

export function graphAttr(node: OnnxNode, name: string): OnnxGraph | undefined {
  const attribute = node.attributes.get(name);
  return attribute?.kind === "graph" ? attribute.value : undefined;
}
