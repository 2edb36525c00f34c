/**
 * The shape of the tree, piece by piece: operator precedence and
 * associativity, conditionals, traversals (splats, legacy indexes),
 * function calls, `for` expressions, template directives, heredoc and
 * string values, and positions in BOM and CRLF files.
 */

import { describe, expect, test } from "vitest";
import { attributesOf, blocksOf, firstToken, forEachToken, isToken, lastToken, type Attribute, type Expr, type File, type Node, type TemplateExpr, type TemplatePart } from "../src/hcl/cst.js";
import { parse } from "../src/hcl/parser.js";
import { print } from "../src/hcl/printer.js";
import { TK, type Token } from "../src/hcl/tokens.js";
import { decodedLiterals, decodeQuotedLiteral, exprSource, staticValue, templateString } from "../src/hcl/value.js";

function load(text: string): File {
  const r = parse(text, "unit.tf");
  expect(r.diagnostics).toEqual([]);
  expect(print(r.file)).toBe(text);
  return r.file;
}

/** The value of `x = <src>`. */
function expr(src: string): Expr {
  const f = load(`x = ${src}\n`);
  return attributesOf(f.body)[0]!.expr;
}

/** An S-expression of the tree, so a shape reads at a glance. */
function sx(e: Expr): string {
  switch (e.type) {
    case "Literal":
      return e.token.text;
    case "Variable":
      return e.name.text;
    case "Binary":
      return `(${e.op.text} ${sx(e.left)} ${sx(e.right)})`;
    case "Unary":
      return `(${e.op.text} ${sx(e.operand)})`;
    case "Conditional":
      return `(? ${sx(e.cond)} ${sx(e.then)} ${sx(e.else)})`;
    case "Paren":
      return `(paren ${sx(e.expr)})`;
    case "GetAttr":
      return `(. ${sx(e.target)} ${e.name.text})`;
    case "Index":
      return `([] ${sx(e.target)} ${sx(e.key)})`;
    case "LegacyIndex":
      return `(.N ${sx(e.target)} ${e.index.text})`;
    case "Splat":
      return `(${e.full ? "[*]" : ".*"} ${sx(e.target)})`;
    case "Call":
      return `(${[e.name, ...e.args.map(sx)].join(" ")}${e.expandFinal ? " ..." : ""})`;
    case "Tuple":
      return `[${e.elements.map(sx).join(" ")}]`;
    case "Object":
      return `{${e.items.map((i) => `${sx(i.key)}=${sx(i.value)}`).join(" ")}}`;
    case "For":
      return `(for${e.object ? "{}" : "[]"} ${e.keyVar ?? "_"},${e.valueVar} ${sx(e.coll)} ${e.keyExpr ? sx(e.keyExpr) + " => " : ""}${sx(e.valueExpr)}${e.grouped ? "..." : ""}${e.cond ? " if " + sx(e.cond) : ""})`;
    case "Template":
      return exprSource(e);
    case "Invalid":
      return "<invalid>";
  }
}

/** Every node's parts print back as the node's own source: the tree and the text agree everywhere. */
function checkParts(node: Node, src: string): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const first = firstToken(n);
    const last = lastToken(n);
    if (first && last && first.pos >= 0 && last.pos >= 0) {
      expect(exprSource(n)).toBe(src.slice(first.pos, last.pos + last.text.length));
    }
    for (const p of n.parts) if (!isToken(p)) stack.push(p);
  }
}

describe("operators", () => {
  test.each([
    ["a || b && c == d + e * f", "(|| a (&& b (== c (+ d (* e f)))))"],
    ["a * b + c == d && e || f", "(|| (&& (== (+ (* a b) c) d) e) f)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b * c % d", "(% (* (/ a b) c) d)"],
    ["a < b == c > d", "(== (< a b) (> c d))"],
    ["a <= b != c >= d", "(!= (<= a b) (>= c d))"],
    ["-a * b", "(* (- a) b)"],
    ["!a && !b", "(&& (! a) (! b))"],
    ["- - a", "(- (- a))"],
    ["-x.y[0]", "(- ([] (. x y) 0))"],
    ["(a || b) && c", "(&& (paren (|| a b)) c)"],
    ["a + (b * c)", "(+ a (paren (* b c)))"],
    ["1 + 2 * 3 - 4 / 5", "(- (+ 1 (* 2 3)) (/ 4 5))"],
  ])("%s", (src, shape) => {
    expect(sx(expr(src))).toBe(shape);
  });

  test("an operator's token and both operands are the Binary node's parts, in order", () => {
    const e = expr("a + b");
    if (e.type !== "Binary") throw new Error(e.type);
    expect(e.parts).toEqual([e.left, e.op, e.right]);
    expect(e.op.kind).toBe(TK.Plus);
  });

  test("newlines are allowed around operators inside parentheses, and kept as trivia", () => {
    const src = "(\n  a\n  + b\n)";
    const e = expr(src);
    expect(sx(e)).toBe("(paren (+ a b))");
    expect(exprSource(e)).toBe(src);
  });
});

describe("conditionals", () => {
  test.each([
    ["a ? b : c", "(? a b c)"],
    ["a ? b : c ? d : e", "(? a b (? c d e))"],
    ["a ? b ? c : d : e", "(? a (? b c d) e)"],
    ["a || b ? c + 1 : d", "(? (|| a b) (+ c 1) d)"],
    ["a ? [b] : {c = d}", "(? a [b] {c=d})"],
    ["(a ? b : c) ? d : e", "(? (paren (? a b c)) d e)"],
  ])("%s", (src, shape) => {
    expect(sx(expr(src))).toBe(shape);
  });
});

describe("traversals", () => {
  test.each([
    ["aws_vpc.main.id", "(. (. aws_vpc main) id)"],
    ["data.aws_ami.x.id", "(. (. (. data aws_ami) x) id)"],
    ["x[0]", "([] x 0)"],
    ['x["k"].y', '(. ([] x "k") y)'],
    ["x.0", "(.N x 0)"],
    ["x.0.y", "(. (.N x 0) y)"],
    ["a[*].b", "(. ([*] a) b)"],
    ["aws_subnet.a[*].id", "(. ([*] (. aws_subnet a)) id)"],
    ["a.*.b", "(. (.* a) b)"],
    ["a[*]", "([*] a)"],
    ["a[b[c]]", "([] a ([] b c))"],
    ["f(x)[0].y", "(. ([] (f x) 0) y)"],
    ["[1, 2][0]", "([] [1 2] 0)"],
  ])("%s", (src, shape) => {
    expect(sx(expr(src))).toBe(shape);
  });

  test("x.0.1: two legacy index steps (one number token split in two), and Terraform's error", () => {
    const r = parse("x = a.0.1\n", "unit.tf");
    expect(print(r.file)).toBe("x = a.0.1\n");
    const e = attributesOf(r.file.body)[0]!.expr;
    expect(sx(e)).toBe("(.N (.N a 0) 1)");
    const tokens: string[] = [];
    forEachToken(e, (t) => tokens.push(t.text));
    expect(tokens).toEqual(["a", ".", "0", ".", "1"]);
    expect(r.diagnostics.map((d) => [d.range.start.column, d.range.end.column, d.summary])).toEqual([[7, 10, "Invalid legacy index syntax"]]);
  });

  test("newlines inside an index are trivia", () => {
    expect(sx(expr("x[\n  0\n]"))).toBe("([] x 0)");
  });
});

describe("function calls", () => {
  test.each([
    ["f()", "(f)"],
    ["f(a, b,)", "(f a b)"],
    ["f(a, b...)", "(f a b ...)"],
    ["f(x...)", "(f x ...)"],
    ["f(\n  a,\n  b...\n)", "(f a b ...)"],
    ["provider::aws::arn_parse(x)", "(provider::aws::arn_parse x)"],
    ["provider::terraform::encode_tfvars({ a = 1 })", "(provider::terraform::encode_tfvars {a=1})"],
    ["merge(a, f(b, [c]))", "(merge a (f b [c]))"],
  ])("%s", (src, shape) => {
    expect(sx(expr(src))).toBe(shape);
  });

  test("a call's name, arguments and expansion flag", () => {
    const e = expr("provider::aws::arn_parse(a, b...)");
    if (e.type !== "Call") throw new Error(e.type);
    expect(e.name).toBe("provider::aws::arn_parse");
    expect(e.args.map(sx)).toEqual(["a", "b"]);
    expect(e.expandFinal).toBe(true);
    const texts = e.parts.filter(isToken).map((t) => t.text);
    expect(texts).toEqual(["provider", "::", "aws", "::", "arn_parse", "(", ",", "...", ")"]);
  });

  test("true, false and null are literals unless called", () => {
    expect(expr("true").type).toBe("Literal");
    expect(expr("null").type).toBe("Literal");
    expect(sx(expr("null(1)"))).toBe("(null 1)");
  });
});

describe("for expressions", () => {
  test("object form: key and value variables, key and value expressions, grouping, condition", () => {
    const e = expr("{for k, v in var.m : upper(k) => v... if v != null}");
    if (e.type !== "For") throw new Error(e.type);
    expect(e.object).toBe(true);
    expect(e.keyVar).toBe("k");
    expect(e.valueVar).toBe("v");
    expect(sx(e.coll)).toBe("(. var m)");
    expect(sx(e.keyExpr!)).toBe("(upper k)");
    expect(sx(e.valueExpr)).toBe("v");
    expect(e.grouped).toBe(true);
    expect(sx(e.cond!)).toBe("(!= v null)");
  });

  test("tuple form: no key variable, no key expression, no grouping, no condition", () => {
    const e = expr("[for s in aws_subnet.a : s.id]");
    if (e.type !== "For") throw new Error(e.type);
    expect([e.object, e.keyVar, e.valueVar, e.keyExpr, e.grouped, e.cond]).toEqual([false, null, "s", null, false, null]);
    expect(sx(e)).toBe("(for[] _,s (. aws_subnet a) (. s id))");
  });

  test("tuple form with an index variable and a condition over several lines", () => {
    const src = "[\n  for i, s in local.list :\n  s.name\n  if i > 0\n]";
    const e = expr(src);
    expect(sx(e)).toBe("(for[] i,s (. local list) (. s name) if (> i 0))");
    expect(exprSource(e)).toBe(src);
  });

  test("a for expression nested in another's collection and value", () => {
    expect(sx(expr("[for a in [for b in c : b] : [for d in a : d]]"))).toBe("(for[] _,a (for[] _,b c b) (for[] _,d a d))");
  });

  test("`for` as a plain name is a variable, not a for expression", () => {
    expect(sx(expr("[for]"))).toBe("[for]");
    expect(sx(expr("{for = 1}"))).toBe("{for=1}");
  });
});

describe("collections", () => {
  test.each([
    ["[]", "[]"],
    ["[1, [2, 3], {}]", "[1 [2 3] {}]"],
    ["{ a = 1, b = 2 }", "{a=1 b=2}"],
    ['{ "k" : 1 }', '{"k"=1}'],
    ["{\n  a = 1\n  b = 2,\n\n  c = 3\n}", "{a=1 b=2 c=3}"],
    ["{ (var.k) = 1 }", "{(paren (. var k))=1}"],
    ["{ a.b = 1 }", "{(. a b)=1}"],
  ])("%s", (src, shape) => {
    expect(sx(expr(src))).toBe(shape);
  });

  test("static values of literal collections", () => {
    expect(staticValue(expr('{ a = [1, -2.5, "x"], "b c" = { d = true, e = null } }'))).toEqual({ a: [1, -2.5, "x"], "b c": { d: true, e: null } });
    expect(staticValue(expr("[var.x]"))).toBeUndefined();
  });
});

describe("templates", () => {
  const template = (src: string): TemplateExpr => {
    const e = expr(src);
    if (e.type !== "Template") throw new Error(e.type);
    return e;
  };
  const item = (p: TemplatePart): string => {
    if (isToken(p)) return `lit:${JSON.stringify(p.text)}`;
    if (p.type === "TemplateInterpolation") return `interp:${sx(p.expr)}`;
    if (p.type === "TemplateIf") return `if(${sx(p.cond)})[${p.then.map(item).join(",")}]${p.else ? `else[${p.else.map(item).join(",")}]` : ""}`;
    return `for(${p.keyVar ?? "_"},${p.valueVar} in ${sx(p.coll)})[${p.body.map(item).join(",")}]`;
  };

  test("literal text and interpolations", () => {
    const t = template('"web-${var.env}-${count.index + 1}"');
    expect(t.heredoc).toBe(false);
    expect(t.items.map(item)).toEqual(['lit:"web-"', "interp:(. var env)", 'lit:"-"', "interp:(+ (. count index) 1)"]);
  });

  test("if / else / endif", () => {
    const t = template('"%{ if var.on }yes%{ else }no%{ endif }"');
    expect(t.items.map(item)).toEqual(['if((. var on))[lit:"yes"]else[lit:"no"]']);
    const tags = t.items[0]!;
    if (isToken(tags) || tags.type !== "TemplateIf") throw new Error("not an if");
    const keywords = tags.parts.filter((p): p is Exclude<typeof p, Token> => !isToken(p) && p.type === "TemplateControlTag").map((p) => (p.type === "TemplateControlTag" ? p.keyword : ""));
    expect(keywords).toEqual(["if", "else", "endif"]);
  });

  test("for / endfor with a key variable, nested in an if", () => {
    const t = template('"%{ if a }%{ for k, v in m }${k}=${v};%{ endfor }%{ endif }"');
    expect(t.items.map(item)).toEqual(['if(a)[for(k,v in m)[interp:k,lit:"=",interp:v,lit:";"]]']);
  });

  test("strip markers are part of the sequence tokens", () => {
    const t = template('"a ${~ b ~} c %{~ if d ~}e%{~ endif ~}"');
    const seq: string[] = [];
    forEachToken(t, (tok) => {
      if (tok.kind === TK.TemplateInterp || tok.kind === TK.TemplateControl || tok.kind === TK.TemplateSeqEnd) seq.push(tok.text);
    });
    expect(seq).toEqual(["${~", "~}", "%{~", "~}", "%{~", "~}"]);
  });

  test("an escaped sequence is literal text", () => {
    const t = template('"$${not} %%{this}"');
    expect(t.items.map(item)).toEqual(['lit:"$${not} %%{this}"']);
    expect(templateString(t)).toBe("$${not} %%{this}");
    expect(decodeQuotedLiteral("$${not} %%{this}", true)).toBe("${not} %{this}");
  });
});

describe("heredoc values (value.ts)", () => {
  const heredoc = (src: string): TemplateExpr => {
    const e = expr(src);
    if (e.type !== "Template" || !e.heredoc) throw new Error("not a heredoc");
    return e;
  };

  test("<<- drops the smallest indentation; blank lines do not count", () => {
    expect(templateString(heredoc("<<-EOT\n    alpha\n      beta\n\n    gamma\n    EOT"))).toBe("alpha\n  beta\n\ngamma\n");
  });

  test("<< keeps every byte", () => {
    expect(templateString(heredoc("<<EOT\n  alpha\n    beta\nEOT"))).toBe("  alpha\n    beta\n");
  });

  test("<<- with tabs", () => {
    expect(templateString(heredoc("<<-EOT\n\t\tone\n\t\t  two\n\t\tEOT"))).toBe("one\n  two\n");
  });

  test("<<- in a CRLF file keeps CRLF in the value", () => {
    const f = load("a = <<-EOT\r\n    one\r\n      two\r\n    EOT\r\n");
    const e = attributesOf(f.body)[0]!.expr;
    if (e.type !== "Template") throw new Error(e.type);
    expect(templateString(e)).toBe("one\r\n  two\r\n");
  });

  test("strip markers apply before <<- measures indentation (as Terraform does)", () => {
    const t = heredoc('<<-EOT\n    x ${~ "y" ~}   \n    z\n    EOT');
    const decoded = decodedLiterals(t);
    const parts = t.items.map((p) => (isToken(p) ? decoded.get(p)! : "y"));
    expect(parts.join("")).toBe("xy    z\n");
    expect(templateString(t)).toBeUndefined();
  });

  test("heredoc text is not unescaped", () => {
    expect(templateString(heredoc('<<EOT\na\\nb "q"\nEOT'))).toBe('a\\nb "q"\n');
  });

  test("the opener and closer are tokens of their own; the closer keeps its indentation", () => {
    const t = heredoc("<<-EOT\n  a\n  EOT");
    expect(t.open.text).toBe("<<-EOT\n");
    expect(t.close.text).toBe("  EOT");
    expect(t.items.filter(isToken).map((x) => x.text)).toEqual(["  a\n"]);
  });
});

describe("string escapes (decodeQuotedLiteral)", () => {
  test.each([
    ["tab\\tnl\\nq\\\"bs\\\\", 'tab\tnl\nq"bs\\'],
    ["\\r", "\r"],
    ["\\u00e9", "é"],
    ["\\U0001F600", "😀"],
    ["caf\\u00E9!", "café!"],
    ["no escapes", "no escapes"],
    ["$${x} %%{y}", "$${x} %%{y}"],
  ])("%s", (raw, value) => {
    expect(decodeQuotedLiteral(raw)).toBe(value);
  });

  test("with unescapeTemplates, $${ and %%{ become ${ and %{", () => {
    expect(decodeQuotedLiteral("$${x} %%{y} $$ %%", true)).toBe("${x} %{y} $$ %%");
  });

  test("a quoted string's value as HashiCorp's parser reads it", () => {
    const e = expr('"tab\\tnl\\nq\\"bs\\\\u\\u00e9U\\U0001F600 $${x} %%{y}"');
    if (e.type !== "Template") throw new Error(e.type);
    expect(templateString(e)).toBe('tab\tnl\nq"bs\\uéU😀 $${x} %%{y}');
  });
});

describe("bodies and blocks", () => {
  test("labels, quoted and bare; a one-line block's single argument; an empty block", () => {
    const f = load('resource "aws_vpc" main {\n  lifecycle { prevent_destroy = true }\n  timeouts {}\n}\n');
    const [b] = blocksOf(f.body);
    expect(b!.labels.map((l) => (isToken(l) ? `bare:${l.text}` : `quoted:${exprSource(l)}`))).toEqual(['quoted:"aws_vpc"', "bare:main"]);
    const [lifecycle, timeouts] = blocksOf(b!.body);
    expect(attributesOf(lifecycle!.body).map((a: Attribute) => a.name.text)).toEqual(["prevent_destroy"]);
    expect(timeouts!.body.parts).toEqual([]);
    expect(lifecycle!.open.text + lifecycle!.close.text).toBe("{}");
  });

  test("every node's parts print as its own source", () => {
    const src = 'locals {\n  a = [for k, v in var.m : "${k}=${v}" if v != null]\n  b = merge(local.x, { y = 1 }, provider::p::f(z...))\n  c = <<-EOT\n    %{ for s in local.l }${s}%{ endfor }\n  EOT\n}\n';
    checkParts(load(src), src);
  });
});

describe("positions", () => {
  test("a BOM counts as 3 bytes and not as a column", () => {
    const src = "\ufeffa = 1 +\n";
    const r = parse(src, "bom.tf");
    expect(print(r.file)).toBe(src);
    expect(r.file.bom).toBe("\ufeff");
    const d = r.diagnostics[0]!;
    expect([d.range.start.line, d.range.start.column, d.range.start.byte]).toEqual([1, 8, 3 + 7]);
    expect([d.range.end.line, d.range.end.column, d.range.end.byte]).toEqual([2, 1, 3 + 8]);
  });

  test("a BOM, CRLF line endings and multi-byte text before an error", () => {
    const src = "\ufeff# ünïcödé\r\nlocals {\r\n  name = \"日本\" +\r\n}\r\n";
    const r = parse(src, "bom-crlf.tf");
    expect(print(r.file)).toBe(src);
    const d = r.diagnostics[0]!;
    // Line 3 `  name = "日本" +`: the newline after '+' is where an operand was expected, at column 16.
    const before = "\ufeff# ünïcödé\r\nlocals {\r\n" + '  name = "日本" +';
    expect([d.range.start.line, d.range.start.column, d.range.start.byte]).toEqual([3, 16, Buffer.byteLength(before, "utf8")]);
  });

  test("CRLF: the column after a CRLF starts again at 1 and bytes count the CR", () => {
    const r = parse("a = 1\r\nb = [1 2]\r\n", "crlf.tf");
    const d = r.diagnostics[0]!;
    expect([d.range.start.line, d.range.start.column, d.range.start.byte]).toEqual([2, 8, 7 + 7]);
  });

  test("columns count code points, not UTF-16 units (an astral character is one column)", () => {
    const r = parse('a = "😀" b\n', "astral.tf");
    const d = r.diagnostics[0]!;
    expect([d.range.start.column, d.range.start.byte]).toEqual([9, 11]);
  });

  test("tokens keep their UTF-16 offsets into the text without the BOM", () => {
    const src = "\ufeffa = 1\n";
    const f = parse(src, "bom.tf").file;
    const tokens: Array<[string, number]> = [];
    forEachToken(f, (t) => tokens.push([t.text, t.pos]));
    expect(tokens).toEqual([["a", 0], ["=", 2], ["1", 4], ["\n", 5], ["", 6]]);
  });
});
