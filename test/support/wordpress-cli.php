<?php
/**
 * Drives a throw-away WordPress from the command line for the tests, as WP-CLI would:
 *   php wordpress-cli.php <site folder> <command> [arguments…]
 * Every command prints one line of JSON.
 */

if ( PHP_SAPI !== 'cli' || $argc < 3 ) {
	fwrite( STDERR, "usage: php wordpress-cli.php <site folder> <command> [arguments…]\n" );
	exit( 2 );
}

[ , $site, $command ] = $argv;
$args                 = array_slice( $argv, 3 );

if ( 'install' === $command ) {
	define( 'WP_INSTALLING', true );
}
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Prints the answer and stops.
 *
 * @param mixed $value Anything json_encode takes.
 */
function portico_test_answer( $value ) {
	echo wp_json_encode( $value ), "\n";
	exit( 0 );
}

switch ( $command ) {
	case 'install':
		// Arguments: site title, administrator's name, email, password.
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		[ $title, $name, $email, $password ] = $args;
		$installed = wp_install( $title, $name, $email, true, '', wp_slash( $password ) );
		portico_test_answer( array( 'user' => $installed['user_id'] ) );
		break;

	case 'activate':
		$result = activate_plugin( $args[0] );
		if ( is_wp_error( $result ) ) {
			fwrite( STDERR, $result->get_error_message() . "\n" );
			exit( 1 );
		}
		portico_test_answer( array( 'active' => is_plugin_active( $args[0] ) ) );
		break;

	case 'user':
		// Arguments: name, email, password, role.
		$id = wp_insert_user(
			array(
				'user_login' => $args[0],
				'user_email' => $args[1],
				'user_pass'  => $args[2],
				'role'       => $args[3],
			)
		);
		portico_test_answer( array( 'id' => $id ) );
		break;

	case 'page':
		// Arguments: title, content. Published, as an author would.
		$id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => $args[0],
				'post_content' => wp_slash( $args[1] ),
				'post_author'  => 1,
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		portico_test_answer( array( 'id' => $id, 'url' => get_permalink( $id ) ) );
		break;

	case 'option':
		// Arguments: name, and a JSON value to set it to (none: read it).
		if ( isset( $args[1] ) ) {
			update_option( $args[0], json_decode( $args[1], true ) );
		}
		portico_test_answer( array( 'value' => get_option( $args[0], null ) ) );
		break;

	case 'site-language':
		// Argument: a locale such as de_DE. Written as is: the Settings screen offers only the
		// languages installed, and this copy has none.
		global $wpdb;
		$wpdb->replace(
			$wpdb->options,
			array(
				'option_name'  => 'WPLANG',
				'option_value' => $args[0],
				'autoload'     => 'yes',
			)
		);
		wp_cache_delete( 'alloptions', 'options' );
		portico_test_answer( array( 'locale' => $args[0] ) );
		break;

	case 'shortcode':
		// Argument: post content. Prints what it renders to and whether the script was enqueued.
		$html = do_shortcode( $args[0] );
		portico_test_answer(
			array(
				'html'   => $html,
				'script' => wp_script_is( 'portico', 'enqueued' ),
			)
		);
		break;

	case 'script-tag':
		// Argument: portal URL. Prints the portal's script as WordPress prints it, with a nonce
		// another plugin adds and inline scripts before and after it.
		add_filter(
			'script_loader_tag',
			function ( $tag ) {
				return str_replace( '<script ', '<script nonce="n0nce" ', $tag );
			},
			5
		);
		portico_enqueue_script( $args[0] );
		wp_add_inline_script( 'portico', 'window.before = 1;', 'before' );
		wp_add_inline_script( 'portico', 'window.after = 1;' );
		ob_start();
		wp_print_scripts( 'portico' );
		portico_test_answer( array( 'html' => ob_get_clean() ) );
		break;

	case 'sanitize-portal-url':
		// Arguments: what an administrator entered, and 'https' to act as an https request.
		if ( 'https' === ( $args[1] ?? '' ) ) {
			$_SERVER['HTTPS'] = 'on';
		}
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once WP_PLUGIN_DIR . '/portico/includes/settings.php';
		$saved = portico_sanitize_portal_url( $args[0] );
		portico_test_answer(
			array(
				'saved'  => $saved,
				'errors' => wp_list_pluck( get_settings_errors( PORTICO_OPTION ), 'code' ),
			)
		);
		break;

	case 'uninstall':
		deactivate_plugins( $args[0] );
		uninstall_plugin( $args[0] );
		portico_test_answer( array( 'active' => is_plugin_active( $args[0] ) ) );
		break;
}

fwrite( STDERR, "unknown command: $command\n" );
exit( 2 );
