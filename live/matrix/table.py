# Prints the live table (markdown) and the vertical-against-horizontal lines from a matrix run:
# python3 table.py OUT, where OUT/<pool>-<runtime>-<load>/validation.json are validate outputs.
import json, os, sys

base = sys.argv[1]
SHAPES = [("1x2x2", "1 agent × 2 cores × 2 slots"), ("2x1x1", "2 agents × 1 core × 1 slot"),
          ("1x2x4", "1 agent × 2 cores × 4 slots"), ("2x1x2", "2 agents × 1 core × 2 slots")]
RUNTIMES = ["crun", "docker-crun"]
LOADS = ["0.6", "0.9"]


def load(name):
    f = os.path.join(base, name, "validation.json")
    return json.load(open(f)) if os.path.exists(f) else None


def metric(v, k):
    return next(x for x in v["metrics"] if x["metric"] == k)


def name(shape, runtime, l):
    return f"{shape}-{runtime}-{l.replace('.', '')}"


print("| pool | runtime | load | feedback p50: live → predicted | feedback p95: live → predicted"
      " | wait p95: live → predicted | utilisation | other load | within |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
done = within = 0
for runtime in RUNTIMES:
    for shape, label in SHAPES:
        for l in LOADS:
            v = load(name(shape, runtime, l))
            if v is None:
                continue
            done += 1
            if v["status"] != "scored":
                print(f"| {label} | {runtime} | {l} | disturbed | | | | {v['other_load']['mean']:.3f} | no |")
                continue
            cells, ok = [], True
            for k in ["feedback_p50_s", "feedback_p95_s", "wait_p95_s"]:
                x = metric(v, k)
                e, d = x["relative_error"], x["predicted"] - x["measured"]
                good = (e is not None and abs(e) <= 0.10) if k.startswith("feedback") else (
                    (e is not None and abs(e) <= 0.15) or abs(d) <= 0.25)
                ok = ok and good
                es = "-" if e is None else f"{e * 100:+.1f} %"
                if k == "wait_p95_s":
                    es += f", {abs(d):.2f} s"
                mark = "**" if good else ""
                cells.append(f"{x['measured']:.3f} s [{x['measured_low']:.3f}, {x['measured_high']:.3f}]"
                             f" → {x['predicted']:.3f} s [{x['predicted_low']:.3f}, {x['predicted_high']:.3f}]"
                             f" ({mark}{es}{mark})")
            u = metric(v, "utilisation")
            within += ok
            print(f"| {label} | {runtime} | {l} | " + " | ".join(cells)
                  + f" | {u['measured']:.3f} → {u['predicted']:.3f} | {v['other_load']['mean']:.3f}"
                  f" | {'yes' if ok else 'no'} |")
print(f"\n{within} of {done} runs within the target.\n")

print("| pair (vertical vs horizontal) | runtime | load | measured Δ feedback p95 | predicted Δ"
      " | difference | allowed | holds |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for runtime in RUNTIMES:
    for a, b in [("1x2x2", "2x1x1"), ("1x2x4", "2x1x2")]:
        for l in LOADS:
            x, y = load(name(a, runtime, l)), load(name(b, runtime, l))
            if not x or not y or x["status"] != "scored" or y["status"] != "scored":
                continue
            px, py = metric(x, "feedback_p95_s"), metric(y, "feedback_p95_s")
            dm = px["measured"] - py["measured"]
            dp = px["predicted"] - py["predicted"]
            allow = max(0.2 * abs(dm), 0.3)
            print(f"| {a} vs {b} | {runtime} | {l} | {dm:+.3f} s | {dp:+.3f} s | {abs(dm - dp):.3f} s"
                  f" | {allow:.3f} s | {'yes' if abs(dm - dp) <= allow else 'no'} |")
