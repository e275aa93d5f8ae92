/** Rendering options and the colour decision the CLI makes for the text format. */

export interface RenderOptions {
    /** ANSI colour in the text format. Default false; see colorWanted(). */
    color?: boolean;
    /**
     * Directory SARIF artifact URIs are made relative to (the repository root
     * code scanning maps them against). Default: the current directory.
     */
    baseDir?: string;
    /** SARIF tool.driver.informationUri: the tool's home page, when there is one. */
    informationUri?: string;
}

/**
 * Colour only for a terminal, and never when NO_COLOR is set to a non-empty
 * value (https://no-color.org treats an empty NO_COLOR as unset).
 */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    return stream.isTTY === true && !env.NO_COLOR;
}
