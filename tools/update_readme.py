#!/usr/bin/env python3
"""Developer tool: refreshes the program output quoted in README.md and docs/, so the README
stays true after a model change. Run from the repository root after building the examples:

    cmake --build build --target flopcast_cli tour validate validate_small validate_serve serving power_claims
    python3 tools/update_readme.py build

It rewrites, in place:
  - every README code block that starts with `$ build/examples/...` (the command is re-run;
    lines ending in a backslash continue it);
  - the tour's output block (the block after "prints");
  - the tables and mean-error lines that build/examples/validate prints, in order;
  - the small-run summary tables (by scale, by source) from validate_small --summary, and
    docs/validation.md from validate_small; docs/validation_serve.md from validate_serve.
It prints what changed; review the diff before committing.
"""
import re
import subprocess
import sys


def run(command):
    r = subprocess.run(command, shell=True, capture_output=True, text=True)
    return r.stdout + r.stderr


def command_blocks(text, build):
    lines = text.split('\n')
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('$ build/examples/') and i > 0 and lines[i - 1] == '```':
            cmd = [line]
            while cmd[-1].endswith('\\'):
                i += 1
                cmd.append(lines[i])
            out.extend(cmd)
            joined = ' '.join(part.rstrip('\\').strip() for part in cmd)[2:]
            joined = joined.replace('build/examples/', build + '/examples/', 1)
            out.extend(run(joined).rstrip('\n').split('\n'))
            i += 1
            while lines[i] != '```':
                i += 1
            continue
        out.append(line)
        i += 1
    return '\n'.join(out)


def tables(text, header):
    found, i = [], 0
    while True:
        a = text.find('\n' + header, i)
        if a < 0:
            return found
        b = text.find('\n\n', a + 1)
        found.append((a, b))
        i = b


def replace_tables(text, source, header):
    mine, theirs = tables(text, header), tables('\n' + source, header)
    if len(mine) != len(theirs):
        sys.exit(f'README has {len(mine)} tables starting {header!r}, the program printed {len(theirs)}')
    src = '\n' + source
    for (a, b), (c, d) in reversed(list(zip(mine, theirs))):
        text = text[:a] + src[c:d] + text[b:]
    return text


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    readme = open('README.md').read()
    new = command_blocks(readme, build)

    tour = run(f'{build}/examples/tour')
    a = new.index('prints\n\n```\n') + len('prints\n\n```\n')
    new = new[:a] + tour + new[new.index('```', a):]

    validate = run(f'{build}/examples/validate')
    new = replace_tables(new, validate, '| run | source |')
    pattern = r'Mean absolute error: ([\d.]+% over [^.]*?rows)'
    printed = re.findall(pattern, validate)
    for m, value in reversed(list(zip(re.finditer(pattern, new), printed))):
        new = new[:m.start(1)] + value + new[m.end(1):]

    summary = run(f'{build}/examples/validate_small --summary')
    for heading, first in (('### By scale', '| <= 8 GPUs'), ('### By source', '| llm-foundry README |')):
        i = summary.index(heading)
        j = summary.index('| group', i)
        table = summary[j:summary.index('\n\n', j)]
        start = new.index('| group | rows | MAE | bias | largest error (row) |\n|---|---:|---:|---:|---|\n' + first)
        new = new[:start] + table + new[new.index('\n\n', start):]

    if new != readme:
        open('README.md', 'w').write(new)
        print('README.md updated')
    open('docs/validation.md', 'w').write(run(f'{build}/examples/validate_small'))
    print('docs/validation.md written')
    open('docs/validation_serve.md', 'w').write(run(f'{build}/examples/validate_serve'))
    print('docs/validation_serve.md written')


if __name__ == '__main__':
    main()
