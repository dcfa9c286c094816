export * from './documentModel';
export * from './fieldPath';
export * from './helmTemplates';
export * from './lineIndex';
export * from './nesting';
export * from './yamlReader';
export * from './encoding';
export * from './limits';
