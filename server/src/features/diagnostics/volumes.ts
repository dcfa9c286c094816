// Volumes: ValidateVolumes (pkg/apis/core/validation/validation.go) after SetDefaults_Volume, which
// gives a volume without a source an emptyDir (so `- name: scratch` is valid). The per-source
// validators are in volumeSources.ts. A volume with an error is left out of the names the mounts
// may refer to, as upstream's returned map leaves it out: a mount of it also gets NotFound.
// File modes are read the way YAML 1.1 reads them: 0640 is octal (416), 640 is decimal.
import type { FieldPath } from '../../model';
import { duplicate, invalid, required } from './fieldErrors';
import { isDNS1123Label } from './nameSyntax';
import { arr, has, obj, str, type Obj } from '../../model/plainValues';
import type { Reporter } from './reporter';
import { POD } from './paths';
import { checkVolumeSource, ErrorSink, FILE_MODE_ERROR } from './volumeSources';

export { FILE_MODE_ERROR };

export interface FileModeFixData {
  /** The digits as typed, to be rewritten with a leading 0 (octal). */
  octal: string;
}

/** The volumes of a pod: index → whether it validated, and the names upstream's map would hold. */
export interface VolumeVerdicts {
  valid: Set<string>;
  /** Every written name → the index of its first volume (for the NotFound hint). */
  written: Map<string, number>;
  /** The valid names whose source can back a block device (isMatchedDevice: a PVC or an ephemeral volume). */
  block: Set<string>;
}

/** Runs ValidateVolumes, reporting into `sink` (or nowhere), and says which names survive. */
function validateVolumes(pod: Obj | undefined, sink: ErrorSink | undefined): VolumeVerdicts {
  const valid = new Set<string>();
  const written = new Map<string, number>();
  const block = new Set<string>();
  arr(pod?.['volumes']).forEach((raw, i) => {
    const v = obj(raw);
    if (!v) return;
    let errors = 0;
    const counting: ErrorSink = {
      error: (code, path, message, opts) => {
        errors++;
        sink?.error(code, path, message, opts);
      },
      typed: sink?.typed?.bind(sink),
    };
    const at = [...POD, 'volumes', i];
    checkVolumeSource(counting, v, at);
    const name = str(v['name']) ?? '';
    if (name === '') counting.error('requiredField', [...at, 'name'], required(), { part: 'key', required: true });
    else for (const e of isDNS1123Label(name)) counting.error('invalidName', [...at, 'name'], invalid(name, e));
    if (valid.has(name)) counting.error('duplicateName', [...at, 'name'], duplicate(name));
    if (!written.has(name)) written.set(name, i);
    if (errors === 0) {
      valid.add(name);
      if (has(v, 'persistentVolumeClaim') || has(v, 'ephemeral')) block.add(name);
    }
  });
  return { valid, written, block };
}

export function checkVolumes(r: Reporter, ds: Obj): void {
  validateVolumes(obj(obj(obj(ds['spec'])?.['template'])?.['spec']), modeHints(r));
}

/** The names a volumeMount may refer to (no reporting). */
export function volumeVerdicts(pod: Obj | undefined): VolumeVerdicts {
  return validateVolumes(pod, undefined);
}

/**
 * The Reporter as a sink, with one addition: a file mode out of range whose digits, read as
 * octal, are a valid mode (640) was meant as octal: say so and offer the fix.
 */
function modeHints(r: Reporter): ErrorSink {
  return {
    error: (code, path, message, opts = {}) => {
      if (code === 'invalidFileMode') {
        const typed = sourceOf(r, opts.at ?? path);
        if (
          typed !== undefined &&
          /^[0-7]{3,4}$/.test(typed) &&
          !typed.startsWith('0') &&
          parseInt(typed, 8) <= 0o777
        ) {
          r.error(code, path, `${message}; ${typed} is read as a decimal number: write 0${typed} for octal`, {
            ...opts,
            data: { octal: typed } satisfies FileModeFixData,
          });
          return;
        }
      }
      r.error(code, path, message, opts);
    },
  };
}

function sourceOf(r: Reporter, path: FieldPath): string | undefined {
  const node = r.nodeAt(path);
  if (!node || !node.range) return undefined;
  return r.model.text.slice(node.range[0], node.range[1]);
}
